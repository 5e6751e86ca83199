import DossierCore
import DossierServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite(.corpusServer) struct RouteTests {
    @Test func healthCountsTheStore() async throws {
        try await withClient { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                expectSafeHeaders(response)
                let body = try #require(try json(response) as? [String: Any])
                #expect(body["status"] as? String == "ok")
                #expect((body["counts"] as? [String: Int])?["articles"] == 3)
            }
        }
    }

    @Test func extractAnswersTheCommandLinesContract() async throws {
        let text = "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday."
        let pipeline = try #require(CorpusServer.current).reader.pipeline
        let reader = ReportReader(intake: Intake(), pipeline: pipeline, date: "2023-07-27")
        let document = try reader.read(try reader.load(.bytes(source: "-", data: Data(text.utf8))))
        try await withClient { client in
            try await client.execute(uri: "/extract?date=2023-07-27", method: .post, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                expectSafeHeaders(response)
                #expect(String(buffer: response.body) == ExtractionOutput.json(document, pretty: true) + "\n")
            }
        }
    }

    @Test func extractRefusesABodyOverTheLimit() async throws {
        try await withClient(maxBytes: 100) { client in
            let body = ByteBuffer(string: String(repeating: "Kim met Shoigu. ", count: 20))
            try await client.execute(uri: "/extract", method: .post, body: body) { response in
                #expect(response.status == .contentTooLarge)
                expectSafeHeaders(response)
                let error = try errorMessage(response)
                #expect(error?.contains("100 bytes") == true)
            }
        }
    }

    @Test func extractReturnsAScriptAsJSONText() async throws {
        try await withClient { client in
            let text = "Alert \(Corpus.script)\n\nKim Jong Un met Sergei Shoigu on Wednesday. \(Corpus.script)"
            try await client.execute(uri: "/extract", method: .post, body: ByteBuffer(string: text)) { response in
                #expect(response.status == .ok)
                expectSafeHeaders(response)
                let body = try #require(try json(response) as? [String: Any])
                let furniture = [body["title"], body["body"]].compactMap { $0 as? String }.joined(separator: "\n")
                #expect(furniture.contains(Corpus.script))
            }
        }
    }

    @Test func articlesByWordsLatestAndId() async throws {
        try await withClient { client in
            #expect(try await rows("/articles", client).count == 3)
            #expect(try await rows("/articles?limit=2", client).count == 2)
            let found = try await rows("/articles?q=alert", client)
            #expect(found.count == 1)
            let id = try #require(found.first?["hash"] as? String)
            try await client.execute(uri: "/articles/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                expectSafeHeaders(response)
                let article = try #require((try json(response) as? [String: Any])?["article"] as? [String: Any])
                #expect(article["title"] as? String == "Alert \(Corpus.script) \(Corpus.image)")
                #expect((article["body"] as? String)?.contains(Corpus.script) == true)
                #expect((article["body"] as? String)?.contains(Corpus.image) == true)
            }
        }
    }

    @Test func eventsFilteredByActorCodeAndDate() async throws {
        try await withClient { client in
            let all = try await rows("/events", client)
            #expect(!all.isEmpty)
            #expect(try await rows("/events?limit=1", client).count == 1)
            let meetings = try await rows("/events?actor=Kim%20Jong%20Un&code=04&since=2023-07&until=2023-07-31", client)
            #expect(!meetings.isEmpty)
            #expect(meetings.allSatisfy { ($0["cameo"] as? String)?.hasPrefix("04") == true })
            #expect(try await rows("/events?actor=Nobody%20Known", client).isEmpty)
            #expect(try await rows("/events?since=2024", client).isEmpty)
            #expect(try await rows("/events?status=REPORTED", client).count == all.count)
            let consultations = try await rows("/events?plover=consult", client)
            #expect(!consultations.isEmpty && consultations.allSatisfy { $0["plover"] as? String == "CONSULT" })
        }
    }

    @Test func entitiesByTypeAndName() async throws {
        try await withClient { client in
            let people = try await rows("/entities?type=person", client)
            #expect(!people.isEmpty && people.allSatisfy { $0["type"] as? String == "PERSON" })
            let kim = try await rows("/entities?q=Kim%20Jong%20Un", client)
            #expect(kim.count == 1)
            let key = try #require(kim.first?["key"] as? String)
            let encoded = try #require(key.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let (status, body) = try await get("/entities/\(encoded)", client)
            #expect(status == .ok)
            let entity = try #require(body as? [String: Any])
            #expect((entity["entity"] as? [String: Any])?["name"] as? String == "Kim Jong Un")
            #expect((entity["aliases"] as? [[String: Any]])?.isEmpty == false)
            #expect((entity["events"] as? [[String: Any]])?.isEmpty == false)
        }
    }

    @Test func quotesClaimsAndNetwork() async throws {
        try await withClient { client in
            let quotes = try await rows("/quotes?speaker=Kim%20Jong%20Un", client)
            #expect(quotes.contains { ($0["quote"] as? String)?.contains("stand together") == true })
            _ = try await rows("/claims?limit=5", client)
            let pairs = try await rows("/network?limit=5", client)
            #expect(!pairs.isEmpty)
        }
    }

    @Test(arguments: [
        ("/events?limit=ten", "limit"), ("/events?limit=0", "limit"), ("/events?limit=5000", "limit"),
        ("/events?since=July", "since"), ("/events?until=2023-13", "until"), ("/events?code=x4", "code"),
        ("/events?status=rumoured", "status"), ("/entities?type=ALIEN", "type"), ("/articles?limit=-1", "limit"),
        ("/quotes?limit=1.5", "limit"), ("/claims?limit=abc", "limit"), ("/network?limit=0", "limit"),
        ("/events?offset=-1", "offset"), ("/events?offset=first", "offset"), ("/events?sort=size", "sort"),
        ("/events?format=xml", "format"), ("/events?format=csv&limit=100001", "limit"),
        ("/events?since=2023-08&until=2023-07", "until"), ("/events/dates?since=July", "since"),
        ("/events/dates?code=x", "code"), ("/network?since=2023-7", "since"), ("/network?until=tomorrow", "until"),
        ("/places?since=2023-07-32", "since"), ("/places?until=2023-13", "until"), ("/places?limit=0", "limit"),
        ("/places?since=2023-07-28&until=2023-07-27", "until"),
    ])
    func badParametersAreNamed(uri: String, parameter: String) async throws {
        try await withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                expectSafeHeaders(response)
                #expect(response.status == .badRequest, "\(uri)")
                let error = try errorMessage(response)
                #expect(error?.hasPrefix("\(parameter): ") == true, "\(uri): \(error ?? "no error")")
            }
        }
    }

    @Test func extractRefusesAMalformedDate() async throws {
        try await withClient { client in
            try await client.execute(uri: "/extract?date=27/07/2023", method: .post, body: ByteBuffer(string: "Kim met Shoigu.")) {
                response in
                #expect(response.status == .badRequest)
                let error = try errorMessage(response)
                #expect(error?.hasPrefix("date: ") == true)
            }
        }
    }

    @Test(arguments: ["/articles/0000", "/entities/PERSON:-:nobody", "/no/such/route"])
    func absentRecordsAreNotFound(uri: String) async throws {
        try await withClient { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                expectSafeHeaders(response)
                let error = try errorMessage(response)
                #expect(error != nil)
            }
        }
    }
}
