import Foundation
import HummingbirdTesting
import Testing

/// The store's events in other tools' forms, as `dossier export` writes them.
extension RouteTests {
    @Test func theExportsHoldEveryEventInTheirForm() async throws {
        try await withClient { client in
            let events = try await rows("/events?limit=1000", client)
            #expect(!events.isEmpty)
            try await client.execute(uri: "/export.gdelt", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/tab-separated-values; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"events.tsv\"")
                let lines = String(buffer: response.body).split(separator: "\n")
                #expect(lines.count == events.count)
                #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 61 })
            }
            try await client.execute(uri: "/export.plover", method: .get) { response in
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                let plover = try json(response) as? [[String: Any]]
                #expect(plover?.count == events.count)
            }
            try await client.execute(uri: "/export.jsonl", method: .get) { response in
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"events.jsonl\"")
                #expect(String(buffer: response.body).split(separator: "\n").count == events.count)
            }
            try await client.execute(uri: "/export.csv", method: .get) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(String(buffer: response.body).split(whereSeparator: \.isNewline).count == events.count + 1)
            }
            try await client.execute(uri: "/export.xml", method: .get) { response in #expect(response.status == .notFound) }
        }
    }
}
