import Foundation
import HummingbirdTesting
import Testing

/// What the web page asks of the API beyond the first slice: spans in an article, pages of events, events as CSV, and an
/// entity's quotes.
extension RouteTests {
    @Test(arguments: ["Kim meets Shoigu", "alert"])
    func articleSpansPointAtTheirText(words: String) async throws {
        try await withClient { client in
            let id = try #require(try await rows("/articles?q=\(words.replacingOccurrences(of: " ", with: "%20"))", client).first?["hash"])
            let (status, body) = try await get("/articles/\(id)", client)
            #expect(status == .ok)
            let answer = try #require(body as? [String: Any])
            let text = try #require((answer["article"] as? [String: Any])?["body"] as? String)
            let mentions = try #require(answer["mentions"] as? [[String: Any]])
            let events = try #require(answer["events"] as? [[String: Any]])
            let quotes = try #require(answer["quotes"] as? [[String: Any]])
            #expect(!mentions.isEmpty && !events.isEmpty)
            for item in mentions + quotes {
                #expect(spanned(text, item).map(Self.words) == (item["text"] as? String).map(Self.words), "\(item)")
            }
            for event in events {
                #expect(spanned(text, event) == event["evidence"] as? String, "\(event)")
                #expect(event["pattern"] is String && event["trigger"] is String && event["source_key"] != nil)
            }
        }
    }

    @Test func aHostileArticleIsDataInItsJSON() async throws {
        try await withClient { client in
            let id = try #require(try await rows("/articles?q=alert", client).first?["hash"] as? String)
            try await client.execute(uri: "/articles/\(id)", method: .get) { response in
                expectSafeHeaders(response)
                let answer = try #require(try json(response) as? [String: Any])
                let article = try #require(answer["article"] as? [String: Any])
                #expect(article["title"] as? String == "Alert \(Corpus.script) \(Corpus.image)")
                let body = try #require(article["body"] as? String)
                #expect(body.contains(Corpus.script) && body.contains(Corpus.image))
                let names = (answer["mentions"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                #expect(names.contains("Joe Biden"))
            }
        }
    }

    @Test func eventsComeAPageAtATimeInEitherOrder() async throws {
        try await withClient { client in
            let all = try await rows("/events?limit=1000", client)
            #expect(all.count >= 2)
            let ids = all.map { $0["id"] as? String }
            for offset in 0..<all.count {
                #expect(try await rows("/events?limit=1&offset=\(offset)", client).map { $0["id"] as? String } == [ids[offset]])
            }
            #expect(try await rows("/events?offset=\(all.count)", client).isEmpty)
            let dates = try await rows("/events?sort=-date", client).compactMap { $0["date"] as? String }
            #expect(dates == dates.sorted(by: >))
            #expect(Set(try await rows("/events?sort=-date", client).map { $0["id"] as? String }) == Set(ids))
            #expect(all.allSatisfy { $0["article"] is String && $0.keys.contains("source_key") })
        }
    }

    @Test(arguments: ["", "code=04&actor=Kim%20Jong%20Un", "since=2024"])
    func eventsAsCSVHoldTheFilteredRows(filters: String) async throws {
        try await withClient { client in
            let matching = try await rows("/events?\(filters)", client)
            try await client.execute(uri: "/events?\(filters)&format=csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"events.csv\"")
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'")
                let lines = String(buffer: response.body).components(separatedBy: "\r\n").filter { !$0.isEmpty }
                #expect(lines.first?.hasPrefix("id,date,cameo,plover,source,target,") == true)
                #expect(lines.dropFirst().map { String($0.prefix { $0 != "," }) } == matching.compactMap { $0["id"] as? String })
            }
        }
    }

    @Test func anEntityHasItsQuotes() async throws {
        try await withClient { client in
            let key = try #require(try await rows("/entities?q=Kim%20Jong%20Un", client).first?["key"] as? String)
            let encoded = try #require(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let (_, body) = try await get("/entities/\(encoded)", client)
            let quotes = try #require((body as? [String: Any])?["quotes"] as? [[String: Any]])
            #expect(quotes.contains { ($0["quote"] as? String)?.contains("stand together") == true && $0["article"] is String })
        }
    }

    /// The code points from `start` to `end` of `body`, as an item of an answer gives them.
    private func spanned(_ body: String, _ item: [String: Any]) -> String? {
        guard let start = item["start"] as? Int, let end = item["end"] as? Int else { return nil }
        let scalars = Array(body.unicodeScalars)
        guard 0 <= start, start <= end, end <= scalars.count else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[start..<end])
        return String(text)
    }

    /// A text's words, so that a quote's text and its span compare without the marks around it.
    private static func words(_ text: String) -> [Substring] {
        text.split { !$0.isLetter && !$0.isNumber }
    }
}
