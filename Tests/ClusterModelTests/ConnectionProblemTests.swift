import Foundation
import Testing

@testable import ClusterModel

@Suite("Connection problems in plain words")
struct ConnectionProblemTests {
    @Test(arguments: [
        (
            ReflectorFailure.unreachable("connection refused"), ConnectionProblem.Kind.refused, "connection refused",
            true
        ),
        (
            .unreachable("TLS: certificate signed by an unknown authority"), .tls,
            "TLS: certificate signed by an unknown authority", true
        ),
        (.unauthorized("401 Unauthorized: token expired"), .unauthorized, "401 Unauthorized: token expired", true),
        (.unreachable("connect timed out"), .timeout, "connect timed out", false),
        (.serverError(code: 500, message: "boom"), .serverError, "server error 500: boom", false),
        (.tooManyRequests(retryAfter: .seconds(2)), .throttled, "throttled (429), retry after 2s", false),
    ])
    func failuresAreSaidPlainly(failure: ReflectorFailure, kind: ConnectionProblem.Kind, text: String, definite: Bool) {
        let problem = ConnectionProblem(failure)
        #expect(problem.kind == kind)
        #expect(problem.description == text)
        #expect(problem.isDefinite == definite)
    }

    @Test(arguments: [
        (
            #"nodes is forbidden: User "view" cannot list resource "nodes" in API group "" at the cluster scope"#,
            "forbidden: user view cannot list nodes at the cluster scope"
        ),
        (
            #"pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "demo""#,
            "forbidden: user viewer cannot list pods in the namespace demo"
        ),
        (
            #"deployments.apps is forbidden: User "u" cannot watch resource "deployments" in API group "apps" at the cluster scope"#,
            "forbidden: user u cannot watch deployments.apps at the cluster scope"
        ),
        ("something else", "something else"),
    ])
    func forbiddenMessagesNameUserVerbResourceAndScope(message: String, plain: String) {
        let problem = ConnectionProblem(.forbidden(message))
        #expect(problem.kind == .forbidden && problem.message == plain && !problem.isDefinite)
    }
}
