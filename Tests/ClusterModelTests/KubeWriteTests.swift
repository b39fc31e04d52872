import Foundation
import Testing

@testable import ClusterModel

/// Writes as data: paths, query, bodies and the resourceVersion precondition, as the API server expects them.
@Suite("Typed writes")
struct KubeWriteTests {
    @Test func aStrategicPatchCarriesTheResourceVersionInItsMetadata() {
        let write = KubeWrite.patch(
            .deployments, namespace: "demo", name: "web", type: .strategicMerge,
            body: ["spec": ["replicas": 3]], resourceVersion: "42")
        #expect(write.body?.serialized() == #"{"metadata":{"resourceVersion":"42"},"spec":{"replicas":3}}"#)
        #expect(
            write.path(dryRun: true)
                == "/apis/apps/v1/namespaces/demo/deployments/web?dryRun=All&fieldManager=firebreak")
        #expect(write.contentType == "application/strategic-merge-patch+json")
        #expect(AccessAttributes(write).description == "patch deployments.apps web in demo")
    }

    @Test func aJSONPatchCarriesItAsALeadingTest() {
        let write = KubeWrite.patch(
            .nodes, namespace: nil, name: "node-1", type: .json,
            body: [["op": "add", "path": "/spec/unschedulable", "value": true]], resourceVersion: "7")
        #expect(
            write.body?.serialized()
                == #"[{"op":"test","path":"/metadata/resourceVersion","value":"7"},{"op":"add","path":"/spec/unschedulable","value":true}]"#
        )
        #expect(write.path(dryRun: false) == "/api/v1/nodes/node-1?fieldManager=firebreak")
    }

    @Test func subresourceWritesAsKubectlSendsThem() {
        let scale = KubeWrite.scale(.deployments, namespace: "demo", name: "web", replicas: 5)
        #expect(
            scale.path(dryRun: false) == "/apis/apps/v1/namespaces/demo/deployments/web/scale?fieldManager=firebreak")
        #expect(scale.body?.serialized() == #"{"spec":{"replicas":5}}"#)
        #expect(scale.contentType == "application/merge-patch+json")
        let evict = KubeWrite.evict(namespace: "demo", name: "web-1", uid: "u-1")
        #expect(
            evict.body?.serialized()
                == #"{"apiVersion":"policy/v1","deleteOptions":{"preconditions":{"uid":"u-1"}},"kind":"Eviction","metadata":{"name":"web-1","namespace":"demo"}}"#
        )
        #expect(evict.path(dryRun: true) == "/api/v1/namespaces/demo/pods/web-1/eviction?dryRun=All")
        #expect(AccessAttributes(evict).description == "create pods/eviction web-1 in demo")
        let resize = KubeWrite.resize(
            namespace: "demo", name: "web-1", containers: [("app", ["limits": ["memory": "1Gi"]])],
            resourceVersion: "9")
        #expect(resize.path(dryRun: false) == "/api/v1/namespaces/demo/pods/web-1/resize?fieldManager=firebreak")
        #expect(
            resize.body?.serialized()
                == #"{"metadata":{"resourceVersion":"9"},"spec":{"containers":[{"name":"app","resources":{"limits":{"memory":"1Gi"}}}]}}"#
        )
        let delete = KubeWrite.delete(
            .pods, namespace: "demo", name: "web-1", gracePeriodSeconds: 0, preconditionUID: "u-1")
        #expect(delete.path(dryRun: false) == "/api/v1/namespaces/demo/pods/web-1?gracePeriodSeconds=0")
        #expect(
            delete.body?.serialized()
                == #"{"apiVersion":"v1","gracePeriodSeconds":0,"kind":"DeleteOptions","preconditions":{"uid":"u-1"}}"#)
    }

    @Test func jsonValuesRoundTripAndKeepIntegers() throws {
        let text = #"{"a":[1,2.5,true,null,"x\n\"y\""],"b":{"c":-3}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        #expect(value[path: ["b", "c"]]?.intValue == -3)
        #expect(try JSONValue(parsing: try JSONEncoder().encode(value)) == value)
        #expect(throws: JSONValueError.self) { try JSONValue(parsing: "{") }
    }
}
