import Foundation
import TestSupport
import Testing

@testable import ClusterSim

/// Protobuf request bodies decode to the same JSON the real server would have read, checked against real protobuf
/// bodies and their JSON twins in `../shared/fixtures/protobuf`.
@Suite("Protobuf request bodies")
struct ProtobufDecodingTests {
    /// The schema plus the list messages the fixtures hold (the simulator never receives lists).
    static let listSchema: ProtobufSchema = {
        var schema = ProtobufSchema.kubernetes
        for kind in ["Pod", "Deployment", "ReplicaSet", "PodDisruptionBudget", "Event"] {
            schema.messages[kind + "List"] = [2: .init(name: "items", kind: .list(.message(kind)))]
        }
        return schema
    }()

    static func decodeList(_ file: String) throws -> (kind: String, items: [JSONValue]) {
        let bytes = Array(try Data(contentsOf: Fixtures.url("protobuf/" + file)))
        let decoder = ProtobufDecoder(schema: listSchema)
        let unknown = try decoder.decode(bytes[4...], as: "Unknown")
        let kind = unknown[path: ["typeMeta", "kind"]]?.stringValue ?? ""
        let raw = Base64.decode(unknown["raw"]?.stringValue ?? "") ?? []
        return (kind, try decoder.decode(raw[...], as: kind)["items"]?.arrayValue ?? [])
    }

    /// Every scalar the decoder produced, by path.
    static func leaves(_ value: JSONValue, _ path: [String] = []) -> [([String], JSONValue)] {
        switch value {
        case .object(let members): members.flatMap { leaves($0.value, path + [$0.key]) }
        case .array(let items): items.enumerated().flatMap { leaves($0.element, path + ["\($0.offset)"]) }
        default: [(path, value)]
        }
    }

    static func value(_ json: JSONValue, _ path: [String]) -> JSONValue? {
        path.reduce(json as JSONValue?) { node, key in
            guard let node else { return nil }
            if let index = Int(key), let items = node.arrayValue { return index < items.count ? items[index] : nil }
            return node[key]
        }
    }

    @Test func aRealPodListDecodesToTheSameValuesAsItsJSONTwin() throws {
        let (kind, pods) = try Self.decodeList("pods-list-kube-system-protobuf.pb")
        let twin = try Fixtures.json("protobuf/pods-list-kube-system-twin.json")["items"]?.arrayValue ?? []
        #expect(kind == "PodList" && pods.count == 2 && twin.count == 2)
        for (pod, expected) in zip(pods, twin) {
            let decoded = Self.leaves(pod)
            #expect(decoded.count > 40, "too little decoded: \(decoded.count)")
            for (path, value) in decoded {
                #expect(Self.value(expected, path) == value, "\(path.joined(separator: "."))")
            }
            #expect(pod[path: ["spec", "containers"]]?[0]?[path: ["resources", "limits", "memory"]] == "170Mi")
            #expect(pod[path: ["metadata", "creationTimestamp"]] == expected[path: ["metadata", "creationTimestamp"]])
        }
    }

    @Test(arguments: [
        ("deployments-list-kube-system-protobuf.pb", "DeploymentList", ["spec", "template", "spec", "containers"]),
        ("replicasets-list-kube-system-protobuf.pb", "ReplicaSetList", ["spec", "selector", "matchLabels"]),
        ("pdbs-list-protobuf.pb", "PodDisruptionBudgetList", ["spec", "selector"]),
        ("events-list-kube-system-protobuf.pb", "EventList", ["involvedObject", "name"]),
    ])
    func realListsDecodeEveryItemWithItsSpec(file: String, kind: String, path: [String]) throws {
        let (decodedKind, items) = try Self.decodeList(file)
        #expect(decodedKind == kind)
        #expect(!items.isEmpty)
        for item in items {
            #expect(item[path: ["metadata", "name"]]?.stringValue?.isEmpty == false)
            #expect(item[path: path] != nil, "\(kind) item lacks \(path)")
        }
    }

    /// A protobuf message written by hand: a length-delimited field.
    static func field(_ number: Int, _ bytes: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        var remaining = bytes.count
        repeat {
            length.append(UInt8(remaining & 0x7f) | (remaining > 0x7f ? 0x80 : 0))
            remaining >>= 7
        } while remaining > 0
        return [UInt8(number << 3 | 2)] + length + bytes
    }

    static func text(_ number: Int, _ value: String) -> [UInt8] { field(number, Array(value.utf8)) }

    static func envelope(apiVersion: String, kind: String, _ raw: [UInt8]) -> [UInt8] {
        ProtobufEnvelope.magic + field(1, text(1, apiVersion) + text(2, kind)) + field(2, raw)
    }

    @Test func aConfigMapSentAsProtobufIsStored() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let entry = Self.text(1, "level") + Self.text(2, "debug")
        let configMap = Self.field(1, Self.text(1, "app-config")) + Self.field(2, entry)
        let reply = await sim.request(
            "POST", "/api/v1/namespaces/shop/configmaps",
            body: String(decoding: Self.envelope(apiVersion: "v1", kind: "ConfigMap", configMap), as: UTF8.self),
            contentType: ProtobufEnvelope.contentType)
        #expect(reply.status == 201, "\(reply.text)")
        #expect(await sim.get("/api/v1/namespaces/shop/configmaps/app-config")[path: ["data", "level"]] == "debug")
    }

    @Test func anUndecodableBodyIsA400NamingTheKindAndAnUnknownKindIsA415() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let broken = await sim.request(
            "POST", "/api/v1/namespaces/shop/configmaps",
            body: String(
                decoding: Self.envelope(apiVersion: "v1", kind: "ConfigMap", [0x0a, 0x7f, 0x01]), as: UTF8.self),
            contentType: ProtobufEnvelope.contentType)
        #expect(broken.status == 400)
        #expect(broken.json["message"]?.stringValue?.hasPrefix("error decoding ConfigMap in version \"v1\"") == true)
        let unknown = await sim.request(
            "POST", "/api/v1/namespaces/shop/configmaps",
            body: String(decoding: Self.envelope(apiVersion: "v1", kind: "Service", []), as: UTF8.self),
            contentType: ProtobufEnvelope.contentType)
        #expect(unknown.status == 415)
        #expect(unknown.json["message"]?.stringValue?.contains("kind \"Service\"") == true)
        let json = await sim.request(
            "POST", "/api/v1/namespaces/shop/configmaps", body: "k8s", contentType: ProtobufEnvelope.contentType)
        #expect(json.status == 400)
        #expect(json.json["message"]?.stringValue?.contains("ConfigMap") == true)
    }
}
