import Foundation

/// The reads the scraper needs; `KubeClient` implements it.
protocol MetricsSource: Sendable {
    func getText(path: String) async throws(KubeClientError) -> String
    func getData(path: String) async throws(KubeClientError) -> Data
}
