import Foundation
import Testing

@testable import ClusterModel

@Suite("List page header")
struct ListPageHeaderTests {
    @Test func itemsBeforeMetadataDoNotConfuseTheHeader() {
        let json =
            #"{"items":[{"metadata":{"name":"p","resourceVersion":"7"}}],"metadata":{"resourceVersion":"9","continue":"c"}}"#
        #expect(ListPageHeader.parse(Data(json.utf8)) == ListPageHeader(resourceVersion: "9", continueToken: "c"))
    }

    @Test func listWithoutMetadataHasNoHeader() {
        #expect(ListPageHeader.parse(Data(#"{"items":[]}"#.utf8)) == nil)
        #expect(ListPageHeader.parse(Data("garbage".utf8)) == nil)
    }
}
