import Foundation
import TestSupport
import Testing

@testable import ClusterModel

@Suite("KubeClient over real HTTP", .enabled(if: LocalAPIServer.python != nil), .serialized)
struct KubeClientTests {
    @Test func listSendsTheBearerTokenAndDecodesThePage() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let page = try await client.list(PodSummary.self, .pods, namespace: "demo", options: ListOptions(limit: 1))
        #expect(page.items.map(\.name) == ["evict-me"])
        let next = try await client.list(
            PodSummary.self, .pods, namespace: "demo",
            options: ListOptions(limit: 1, continueToken: page.continueToken))
        #expect(next.items.map(\.name) == ["resize-me"])
        let nodes = try await client.list(NodeSummary.self, .nodes)
        #expect(nodes.items.count == 2)
    }

    @Test func listAllFollowsContinueTokensToTheLastPage() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let all = try await client.listAll(PodSummary.self, .pods, namespace: "demo", pageSize: 1)
        #expect(all.items.map(\.name) == ["evict-me", "resize-me", "web-oom"])
        #expect(all.resourceVersion == "225")
    }

    @Test func watchReadsEventsAcrossChunksUntilTheServerEndsTheStream() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let stream = try await client.watch(
            PodSummary.self, .pods, namespace: "demo",
            options: ListOptions(resourceVersion: "220", allowWatchBookmarks: true, timeoutSeconds: 30))
        var versions: [String] = []
        for try await event in stream { versions.append(event.resourceVersion ?? "") }
        #expect(versions == ["221", "222"])
    }

    @Test func watchCutMidEventThrowsWatchCut() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let stream = try await client.watch(
            PodSummary.self, .pods, namespace: "cut", options: ListOptions(resourceVersion: "220"))
        var count = 0
        await #expect(throws: KubeClientError.self) {
            for try await _ in stream { count += 1 }
        }
        #expect(count == 1)
    }

    @Test func errorStatusBecomesKubeAPIErrorWithoutTheToken() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let error = await #expect(throws: KubeClientError.self) {
            try await client.list(PodSummary.self, .pods, namespace: "forbidden")
        }
        #expect(error?.apiError?.code == 403)
        #expect(
            error?.description
                == #"Forbidden: pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "demo" (/api/v1/namespaces/forbidden/pods)"#
        )
        #expect(error?.description.contains("good") == false)
    }

    @Test func plainText429CarriesRetryAfter() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let error = await #expect(throws: KubeClientError.self) {
            try await client.watch(PodSummary.self, .pods, namespace: "throttled", options: ListOptions())
        }
        #expect(error?.apiError?.retryAfter == .seconds(3))
        let failure = error.map { Reflector<PodSummary>.failure(from: $0) }
        #expect(failure == .tooManyRequests(retryAfter: .seconds(3)))
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let endpoint = ClusterEndpoint(
            server: try #require(URL(string: "http://127.0.0.1:9")), contextName: "x", source: "x")
        let client = try KubeClient(endpoint: endpoint)
        defer { Task { try? await client.shutdown() } }
        let error = await #expect(throws: KubeClientError.self) { try await client.listData(.pods) }
        guard case .transport(let path, _) = error else {
            Issue.record("expected a transport error, got \(String(describing: error))")
            return
        }
        #expect(path == "/api/v1/pods")
    }

    @Test func execPluginTokenIsRotatedOnceAfterA401() async throws {
        let server = try LocalAPIServer()
        let dir = try TemporaryDirectory()
        let plugin = try dir.write(
            "plugin",
            """
            #!/bin/sh
            n=$(cat "\(dir.path)/runs" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "\(dir.path)/runs"
            if [ $n -eq 1 ]; then t=stale; else t=good; fi
            printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}' $t
            """)
        let exec = ExecPluginConfig(
            apiVersion: "client.authentication.k8s.io/v1", command: "/bin/sh", args: [plugin],
            cluster: .init(server: "", insecureSkipTLSVerify: false))
        let client = try KubeClient(endpoint: server.endpoint(credentials: .exec(exec)))
        defer { Task { try? await client.shutdown() } }
        let page = try await client.list(NodeSummary.self, .nodes)
        #expect(page.items.count == 2)
        #expect(try String(contentsOfFile: dir.path + "/runs", encoding: .utf8) == "2\n")
    }

    @Test func patchSendsContentTypeDryRunAndFieldManager() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let data = try await client.patch(
            path: ResourceKind.nodes.objectPath(namespace: nil, name: "node-a"),
            contentType: .strategicMerge, body: Data(#"{"spec":{"unschedulable":true}}"#.utf8),
            dryRun: true, fieldManager: "firebreak")
        let echo = try JSONSerialization.jsonObject(with: data) as? [String: String]
        #expect(echo?["path"] == "/api/v1/nodes/node-a?dryRun=All&fieldManager=firebreak")
        #expect(echo?["contentType"] == "application/strategic-merge-patch+json")
        #expect(echo?["body"] == #"{"spec":{"unschedulable":true}}"#)
    }

    @Test func getTextReadsTheNodeProxy() async throws {
        let server = try LocalAPIServer()
        let client = try KubeClient(endpoint: server.endpoint())
        defer { Task { try? await client.shutdown() } }
        let text = try await client.getText(path: "/api/v1/nodes/node-a/proxy/metrics/cadvisor")
        #expect(CadvisorScrape.parse(text, node: "node-a", time: referenceNow).containers.count == 1)
    }

    @Test func selectorsAreEscapedInTheQuery() async throws {
        let options = ListOptions(limit: 500, labelSelector: "app in (web, api)", fieldSelector: "spec.nodeName=node-a")
        #expect(
            RequestPath.make("/api/v1/pods", options.queryItems(watch: false))
                == "/api/v1/pods?limit=500&labelSelector=app%20in%20%28web%2C%20api%29&fieldSelector=spec.nodeName%3Dnode-a"
        )
        let watch = ListOptions(limit: 500, resourceVersion: "10", allowWatchBookmarks: true, timeoutSeconds: 300)
        #expect(
            RequestPath.make("/api/v1/pods", watch.queryItems(watch: true))
                == "/api/v1/pods?watch=true&resourceVersion=10&allowWatchBookmarks=true&timeoutSeconds=300")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
    func httpsVerifiesTheServerNameFromTheKubeconfigAndSendsTheClientCertificate() async throws {
        let dir = try TemporaryDirectory()
        let files = try LocalAPIServer.TLSFiles.generate(in: dir)
        let server = try LocalAPIServer(tls: files)
        let ca = try Data(contentsOf: URL(fileURLWithPath: files.certificateAuthority))
        let tls = TLSSettings(
            certificateAuthorityPEM: ca, serverName: "api.internal",
            clientCertificatePEM: try Data(contentsOf: URL(fileURLWithPath: files.clientCertificate)),
            clientKeyPEM: Secret(try String(contentsOfFile: files.clientKey, encoding: .utf8)))
        let client = try KubeClient(endpoint: server.endpoint(credentials: .none, tls: tls))
        defer { Task { try? await client.shutdown() } }
        #expect(try await client.list(NodeSummary.self, .nodes).items.count == 2)

        let wrongName = try KubeClient(
            endpoint: server.endpoint(credentials: .none, tls: TLSSettings(certificateAuthorityPEM: ca)))
        defer { Task { try? await wrongName.shutdown() } }
        await #expect(throws: KubeClientError.self) { try await wrongName.listData(.nodes) }
    }
}
