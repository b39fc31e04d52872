import ClusterModel
import Foundation
import Testing

@Suite struct EventGroupTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static func ago(_ seconds: Double) -> Date { now.addingTimeInterval(-seconds) }

    static func event(
        _ name: String, pod: String = "web-1", reason: String = "BackOff", type: String = "Warning", count: Int = 1,
        first: Double = 600, last: Double = 30, message: String = "Back-off restarting failed container"
    ) -> EventSummary {
        EventSummary(
            namespace: "shop", name: name, type: type, reason: reason, message: message,
            involvedObject: .init(kind: "Pod", namespace: "shop", name: pod), count: count, firstSeen: ago(first),
            lastSeen: ago(last))
    }

    @Test func eventsAboutOneObjectForOneReasonAddUp() throws {
        let groups = EventGroup.grouping(
            [
                Self.event("a", count: 4, first: 900, last: 300, message: "old"),
                Self.event("b", count: 3, first: 200, last: 20, message: "new"),
            ], includeNormal: false)
        let group = try #require(groups.first)
        #expect(groups.count == 1)
        #expect(group.count == 7)
        #expect(group.eventCount == 2)
        #expect(group.firstSeen == Self.ago(900))
        #expect(group.lastSeen == Self.ago(20))
        #expect(group.message == "new", "the newest message")
        #expect(group.id == "Pod/shop/web-1/BackOff")
    }

    @Test func otherObjectsAndReasonsAreOtherGroupsNewestFirst() {
        let groups = EventGroup.grouping(
            [
                Self.event("a", last: 300), Self.event("b", pod: "web-2", last: 10),
                Self.event("c", reason: "Unhealthy", last: 60),
            ], includeNormal: false)
        #expect(groups.map(\.id) == ["Pod/shop/web-2/BackOff", "Pod/shop/web-1/Unhealthy", "Pod/shop/web-1/BackOff"])
    }

    @Test func aNodesEventsNameTheNodeWithoutTheEventsNamespace() throws {
        let event = EventSummary(
            namespace: "default", name: "node-1.oom", type: "Warning", reason: "OOMKilling", message: "Memory cgroup",
            involvedObject: .init(kind: "Node", name: "node-1"), count: 1, firstSeen: Self.ago(60),
            lastSeen: Self.ago(60))
        let group = try #require(EventGroup.grouping([event], includeNormal: false).first)
        #expect(group.object == ObservationSubject(kind: "Node", name: "node-1"))
        #expect(group.id == "Node//node-1/OOMKilling")
    }

    @Test func normalEventsOnlyWhenAskedFor() {
        let events = [Self.event("a"), Self.event("b", reason: "Pulled", type: "Normal")]
        #expect(EventGroup.grouping(events, includeNormal: false).map(\.reason) == ["BackOff"])
        #expect(Set(EventGroup.grouping(events, includeNormal: true).map(\.reason)) == ["BackOff", "Pulled"])
    }
}
