import Foundation
import Testing

@testable import ClusterSim

/// The OpenAPI documents kubectl reads before it validates, and the strict field validation they announce.
@Suite("OpenAPI")
struct OpenAPITests {
    @Test func theIndexPointsAtEveryGroupVersionDocument() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let index = await sim.get("/openapi/v3")["paths"]?.objectValue ?? [:]
        #expect(
            Set(index.keys)
                == ["api/v1", "apis/apps/v1", "apis/batch/v1", "apis/policy/v1", "apis/scheduling.k8s.io/v1"])
        for (name, entry) in index {
            let url = entry["serverRelativeURL"]?.stringValue ?? ""
            #expect(url.hasPrefix("/openapi/v3/\(name)?hash="))
            let document = await sim.request("GET", url)
            #expect(document.status == 200)
            #expect(document.json[path: ["components", "schemas"]]?.objectValue?.isEmpty == false)
        }
        #expect(await sim.request("GET", "/openapi/v3/apis/nope/v1").status == 404)
        let swagger = await sim.get("/openapi/v2")
        #expect(swagger["swagger"] == "2.0")
        #expect(swagger[path: ["definitions", "io.k8s.api.apps.v1.Deployment"]] != nil)
    }

    @Test func everyStoredKindHasASchemaWhosePatchTakesFieldValidation() throws {
        let documents = OpenAPIDocuments.shared
        for resource in ResourceType.stored {
            #expect(
                documents.schemaByKind["\(resource.group)/\(resource.version)/\(resource.kind)"] != nil,
                "\(resource.kind)")
        }
        let core = documents.documents.first { $0.name == "api/v1" }?.parsed
        let patch = core?[path: ["paths", "/api/v1/namespaces/{namespace}/configmaps/{name}", "patch", "parameters"]]
        #expect(patch?.arrayValue?.contains { $0["name"] == "fieldValidation" } == true)
    }

    @Test func strictValidationRefusesUnknownFieldsWithTheRealMessage() async throws {
        let sim = try SimHarness("coredns-dns-spike")
        let body =
            #"{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replica":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx","imagePullPolcy":"Always"}]}}}}"#
        let strict = await sim.request(
            "POST", "/apis/apps/v1/namespaces/shop/deployments?fieldValidation=Strict", body: body)
        #expect(strict.status == 400)
        #expect(
            strict.json["message"]
                == "Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replica\", unknown field \"spec.template.spec.containers[0].imagePullPolcy\""
        )
        let lax = await sim.request("POST", "/apis/apps/v1/namespaces/shop/deployments", body: body)
        #expect(lax.status == 201)
        let patched = await sim.request(
            "PATCH", "/apis/apps/v1/namespaces/shop/deployments/web?fieldValidation=Strict",
            body:
                #"{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"name":"web","image":"nginx:2"}]}}}}"#,
            contentType: "application/strategic-merge-patch+json")
        #expect(patched.status == 200, "\(patched.text)")
    }
}
