import Foundation
import Testing

@testable import ClusterSim

/// `pods/{name}/log`: scenario-shaped logs of current and previous containers, as the kubelet chooses them.
@Suite("Pod logs")
struct PodLogTests {
    static let dnsPods = "app%3Dkube-dns"

    /// The first CoreDNS pod once its container runs again after an OOM kill: its name and last termination.
    func restartedCoreDNS(_ sim: SimHarness) async -> (name: String, terminated: JSONValue)? {
        for _ in 0..<600 {
            await sim.cluster.advance(bySeconds: 1)
            for pod in await sim.pods("kube-system", label: Self.dnsPods) {
                guard let status = pod[path: ["status", "containerStatuses"]]?[0],
                    let terminated = status[path: ["lastState", "terminated"]],
                    status[path: ["state", "running"]] != nil,
                    let name = pod[path: ["metadata", "name"]]?.stringValue
                else { continue }
                return (name, terminated)
            }
        }
        return nil
    }

    func logLines(_ sim: SimHarness, _ pod: String, _ query: String) async -> (status: Int, lines: [String]) {
        let reply = await sim.request("GET", "/api/v1/namespaces/kube-system/pods/\(pod)/log?\(query)")
        return (
            reply.status,
            reply.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        )
    }

    @Test func previousLogOfAnOOMKilledCoreDNSTellsTheCacheStoryAndEndsAtTheKill() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let restarted = try #require(await restartedCoreDNS(sim), "no CoreDNS container restarted after an OOM kill")
        #expect(restarted.terminated["reason"] == .string("OOMKilled"))
        let finishedAt = try #require(restarted.terminated["finishedAt"]?.stringValue)
        let previous = await logLines(sim, restarted.name, "previous=true&timestamps=true")
        #expect(previous.status == 200)
        let last = try #require(previous.lines.last)
        #expect(last.hasPrefix(finishedAt.dropLast() + ".000000000Z "), "the last line is written at the kill: \(last)")
        #expect(last.contains("[WARNING] plugin/cache: resident") && last.contains("of 170Mi limit"), "\(last)")
        let cacheSizes = previous.lines.filter { $0.contains("[INFO] plugin/cache:") }.compactMap { line in
            line.split(separator: " ").first { Int($0) != nil }.flatMap { Int($0) }
        }
        #expect(cacheSizes.count >= 3)
        #expect(
            cacheSizes.last ?? 0 > (cacheSizes.first ?? 0) + 20_000, "the cache grows before the kill: \(cacheSizes)")

        let current = await logLines(sim, restarted.name, "timestamps=true")
        #expect(current.status == 200)
        #expect(current.lines.first?.hasSuffix(" .:53") == true, "the current run starts with the banner")
        #expect(current.lines.first.map { $0 >= finishedAt } == true, "the current run starts after the kill")
        #expect(Set(current.lines).isDisjoint(with: previous.lines))
    }

    @Test func aContainerWaitingInCrashLoopBackOffShowsTheRunThatDied() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        var waiting: String?
        for _ in 0..<600 where waiting == nil {
            await sim.cluster.advance(bySeconds: 1)
            waiting = await sim.pods("kube-system", label: Self.dnsPods).first {
                $0[path: ["status", "containerStatuses"]]?[0]?[path: ["state", "waiting", "reason"]]
                    == .string("CrashLoopBackOff")
            }?[path: ["metadata", "name"]]?.stringValue
        }
        let pod = try #require(waiting)
        let current = await logLines(sim, pod, "")
        let previous = await logLines(sim, pod, "previous=true")
        #expect(current.status == 200 && !current.lines.isEmpty)
        #expect(current.lines == previous.lines)
    }

    @Test func previousLogOfAContainerThatNeverRestartedIsABadRequestWithTheKubeletsMessage() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let pod = try #require(
            await sim.pods("kube-system", label: Self.dnsPods).first?[path: ["metadata", "name"]]?.stringValue)
        let reply = await sim.request("GET", "/api/v1/namespaces/kube-system/pods/\(pod)/log?previous=true")
        #expect(reply.status == 400)
        #expect(reply.json["reason"] == .string("BadRequest"))
        #expect(
            reply.json["message"] == .string("previous terminated container \"coredns\" in pod \"\(pod)\" not found"))
    }

    @Test(arguments: [
        ("tailLines=5", 200, 5), ("tailLines=0", 200, 0), ("tailLines=-1", 422, 0), ("tailLines=x", 400, 0),
        ("container=nope", 400, 0), ("sinceSeconds=0", 422, 0),
    ])
    func optionsAreCheckedAndTailLinesLimitsTheLog(query: String, status: Int, lines: Int) async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.cluster.advance(bySeconds: 60)
        let pod = try #require(
            await sim.pods("kube-system", label: Self.dnsPods).first?[path: ["metadata", "name"]]?.stringValue)
        let reply = await logLines(sim, pod, query)
        #expect(reply.status == status)
        if status == 200 { #expect(reply.lines.count == lines) }
    }

    @Test func timestampsAreRFC3339WithNanosecondsAndInOrder() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.cluster.advance(bySeconds: 90)
        let pod = try #require(
            await sim.pods("kube-system", label: Self.dnsPods).first?[path: ["metadata", "name"]]?.stringValue)
        let lines = await logLines(sim, pod, "timestamps=true&tailLines=200").lines
        #expect(lines.count == 200)
        let stamps = lines.map { String($0.prefix { $0 != " " }) }
        #expect(stamps.allSatisfy { $0.count == 30 && $0.hasSuffix("Z") && $0.dropFirst(19).first == "." })
        #expect(stamps == stamps.sorted())
        let plain = await logLines(sim, pod, "tailLines=200").lines
        #expect(zip(lines, plain).allSatisfy { $0.hasSuffix(" " + $1) })
    }

    @Test func aPodWithSeveralContainersNeedsTheContainerNamed() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let pod = #"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"two","namespace":"default"},
             "spec":{"containers":[{"name":"app","image":"shop/app:1.0"},{"name":"proxy","image":"envoy:1.31"}]}}
            """#
        #expect(await sim.request("POST", "/api/v1/namespaces/default/pods", body: pod).status == 201)
        await sim.cluster.advance(bySeconds: 20)
        let bare = await sim.request("GET", "/api/v1/namespaces/default/pods/two/log")
        #expect(bare.status == 400)
        #expect(
            bare.json["message"]
                == .string("a container name must be specified for pod two, choose one of: [app proxy]"))
        let proxy = await sim.request("GET", "/api/v1/namespaces/default/pods/two/log?container=proxy")
        #expect(proxy.status == 200)
        #expect(proxy.text.contains("msg=\"starting envoy\""))
    }

    @Test func followStreamsLinesAsTheClockMovesAndEndsAtTheKill() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        await sim.cluster.advance(bySeconds: 40)
        let pod = try #require(
            await sim.pods("kube-system", label: Self.dnsPods).first?[path: ["metadata", "name"]]?.stringValue)
        let request = APIRequest(
            method: "GET",
            uri: "/api/v1/namespaces/kube-system/pods/\(pod)/log?follow=true&timestamps=true&tailLines=3",
            headers: [("Authorization", SimHarness.admin)], body: [])
        guard case .stream(_, let chunks) = await sim.cluster.handle(request) else {
            Issue.record("follow=true on a running container did not stream")
            return
        }
        #expect(await sim.cluster.logFollowCount == 1)
        let reader = Task {
            var text = ""
            for await chunk in chunks {
                if case .data(let bytes) = chunk { text += String(decoding: bytes, as: UTF8.self) }
            }
            return text
        }
        for _ in 0..<400 {
            await sim.cluster.advance(bySeconds: 1)
            if await sim.cluster.logFollowCount == 0 { break }
        }
        let text = await reader.value
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count > 100, "lines arrived as the clock moved")
        let status = await sim.pods("kube-system", label: Self.dnsPods).first {
            $0[path: ["metadata", "name"]]?.stringValue == pod
        }?[path: ["status", "containerStatuses"]]?[0]
        let finishedAt = try #require(status?[path: ["lastState", "terminated", "finishedAt"]]?.stringValue)
        #expect(lines.last?.hasPrefix(finishedAt.dropLast() + ".000000000Z ") == true, "\(lines.last ?? "")")
        #expect(lines.last?.contains("of 170Mi limit") == true)
    }

    @Test func kubectlLogsPreviousPrintsTheRunThatWasKilledAndSaysWhenThereIsNone() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let restarted = try #require(await restartedCoreDNS(sim))
        let healthy = try #require(
            await sim.pods("shop", label: "app%3Dfrontend").first?[path: ["metadata", "name"]]?.stringValue)
        let (kubectl, server) = try await Kubectl.serving(sim.cluster)
        defer { Task { await server.stop() } }
        let previous = try await kubectl.run(["logs", "-n", "kube-system", restarted.name, "-p", "--tail=1"])
        #expect(previous.status == 0, "\(previous.stderr)")
        #expect(previous.stdout.hasPrefix("[WARNING] plugin/cache: resident"), "\(previous.stdout)")
        let none = try await kubectl.run(["logs", "-n", "shop", healthy, "--previous"])
        #expect(none.status != 0)
        #expect(
            none.stderr.contains(
                "Error from server (BadRequest): previous terminated container \"web\" in pod \"\(healthy)\" not found"),
            "\(none.stderr)")
    }
}
