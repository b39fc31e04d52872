import Foundation
import Testing

@testable import ClusterModel

@Suite("Broadcast to several subscribers")
struct BroadcastTests {
    @Test func everySubscriberGetsEveryValueFromItsSubscription() async {
        let broadcast = Broadcast<Int>(buffer: 16)
        let early = broadcast.subscribe()
        broadcast.yield(1)
        let late = broadcast.subscribe()
        broadcast.yield(2)
        broadcast.finish()
        #expect(await Array(early) == [1, 2])
        #expect(await Array(late) == [2])
    }

    @Test func aReplayingBroadcastStartsWithTheLatestValue() async {
        let broadcast = Broadcast<String>(buffer: 4, replaysLatest: true)
        broadcast.yield("connecting")
        broadcast.yield("connected")
        let subscriber = broadcast.subscribe()
        broadcast.finish()
        #expect(await Array(subscriber) == ["connected"])
    }

    @Test func aSubscriberAfterTheEndGetsAnEndedStream() async {
        let broadcast = Broadcast<Int>(buffer: 4)
        broadcast.finish()
        #expect(await Array(broadcast.subscribe()).isEmpty)
    }
}

extension Array {
    init<S: AsyncSequence>(_ sequence: S) async where S.Element == Element {
        self = []
        do { for try await element in sequence { append(element) } } catch {}
    }
}
