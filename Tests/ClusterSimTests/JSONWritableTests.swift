import Foundation
import Testing

@testable import ClusterSim

/// Each hand-written `JSONWritable` conformance must offer every stored property of its type, in declaration order, and
/// mean what Foundation's `JSONEncoder` writes for the same value. A property added to one of these types fails here
/// until `write(to:)` writes it.
@Suite("JSON-writable objects")
struct JSONWritableTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let check: @Sendable () throws -> (properties: [String], offered: [String], sameMeaning: Bool)
        var testDescription: String { name }

        /// A case for `T`, from the smallest JSON it decodes from.
        static func of<T: JSONWritable & Decodable & Sendable>(_ type: T.Type, _ json: String) -> Case {
            Case(name: String(describing: type)) {
                let value = try JSONDecoder().decode(T.self, from: Data(json.utf8))
                let properties = Mirror(reflecting: value).children.compactMap(\.label).map {
                    $0.hasPrefix("_") ? String($0.dropFirst()) : $0
                }
                var writer = JSONWriter(recordingFields: true)
                value.write(to: &writer)
                let foundation = JSONEncoder()
                foundation.outputFormatting = [.withoutEscapingSlashes]
                let same = try JSONValue(parsing: Data(writer.bytes)) == JSONValue(parsing: foundation.encode(value))
                return (properties, writer.offeredFields ?? [], same)
            }
        }
    }

    static let template = #"{"spec":{"containers":[{"name":"c"}]}}"#

    static let cases: [Case] = [
        .of(Pod.self, #"{"metadata":{"name":"p"},"spec":{"containers":[{"name":"c"}]}}"#),
        .of(PodTemplateSpec.self, template),
        .of(PodSpec.self, #"{"containers":[]}"#),
        .of(Container.self, #"{"name":"c"}"#),
        .of(ContainerPort.self, #"{"containerPort":80}"#),
        .of(EnvVar.self, #"{"name":"A","value":"1"}"#),
        .of(ContainerResizePolicy.self, #"{"resourceName":"cpu","restartPolicy":"NotRequired"}"#),
        .of(VolumeMount.self, #"{"name":"v","mountPath":"/v"}"#),
        .of(Volume.self, #"{"name":"v","emptyDir":{}}"#),
        .of(Volume.EmptyDir.self, #"{"sizeLimit":"1Gi"}"#),
        .of(Volume.HostPath.self, #"{"path":"/var/log"}"#),
        .of(Volume.SecretSource.self, #"{"secretName":"s"}"#),
        .of(Toleration.self, #"{"operator":"Exists"}"#),
        .of(ResourceRequirements.self, #"{"requests":{"cpu":"1","memory":"1Gi"}}"#),
        .of(PodStatus.self, #"{"phase":"Running"}"#),
        .of(PodIP.self, #"{"ip":"10.0.0.1"}"#),
        .of(PodCondition.self, #"{"type":"Ready","status":"True"}"#),
        .of(
            ContainerStatus.self,
            #"{"name":"c","state":{"running":{}},"lastState":{},"ready":true,"restartCount":2,"image":"i","imageID":"d"}"#
        ),
        .of(ContainerState.self, #"{"waiting":{"reason":"CrashLoopBackOff"}}"#),
        .of(ContainerState.Waiting.self, #"{"reason":"ContainerCreating"}"#),
        .of(ContainerState.Running.self, #"{"startedAt":"2026-11-21T10:09:08Z"}"#),
        .of(ContainerState.Terminated.self, #"{"exitCode":137,"reason":"OOMKilled"}"#),
        .of(ObjectMeta.self, #"{"name":"m","labels":{"b":"2","a":"1"}}"#),
        .of(ManagedFieldsEntry.self, #"{"manager":"kubectl","operation":"Apply","fieldsV1":{"f:spec":{}}}"#),
        .of(OwnerReference.self, #"{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"r","uid":"u"}"#),
        .of(LabelSelector.self, #"{"matchLabels":{"app":"a"}}"#),
        .of(LabelSelector.Requirement.self, #"{"key":"k","operator":"In","values":["a"]}"#),
        .of(ObjectReference.self, #"{"kind":"Pod","name":"p"}"#),
        .of(ReplicaSet.self, #"{"metadata":{},"spec":{"selector":{},"template":\#(template)}}"#),
        .of(ReplicaSet.Spec.self, #"{"replicas":3,"selector":{},"template":\#(template)}"#),
        .of(ReplicaSet.Status.self, #"{"replicas":3}"#),
        .of(Deployment.self, #"{"metadata":{},"spec":{"selector":{},"template":\#(template)}}"#),
        .of(Deployment.Spec.self, #"{"selector":{},"template":\#(template)}"#),
        .of(Deployment.Strategy.self, #"{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%"}}"#),
        .of(Deployment.Strategy.RollingUpdate.self, #"{"maxUnavailable":1,"maxSurge":"25%"}"#),
        .of(Deployment.Status.self, #"{"replicas":3,"conditions":[{"type":"Available","status":"True"}]}"#),
        .of(WorkloadCondition.self, #"{"type":"Available","status":"True"}"#),
        .of(Event.self, #"{"metadata":{"name":"e"},"involvedObject":{"kind":"Pod"},"count":2}"#),
        .of(Event.Source.self, #"{"component":"kubelet"}"#),
    ]

    @Test(arguments: cases)
    func everyStoredPropertyIsWrittenWithTheMeaningFoundationGivesIt(_ writable: Case) throws {
        let (properties, offered, sameMeaning) = try writable.check()
        #expect(offered == properties, "write(to:) must offer every stored property in declaration order")
        #expect(sameMeaning)
    }
}
