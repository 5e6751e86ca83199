import DossierCore
import Foundation
import GRDB
import Testing

@testable import DossierStore

/// A corpus written for the tests: one meeting reported by two outlets, and a third report of something else.
enum Corpus {
    static let meetingByAgency = record(
        "reuters", url: "https://www.reuters.com/world/kim-shoigu",
        "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday. \"We will stand together,\" Kim said.")
    static let meetingByPaper = record(
        "yonhap", url: "https://en.yna.co.kr/view/kim-shoigu",
        "North Korean leader Kim Jong Un met Russian Defence Minister Sergei Shoigu in Pyongyang on Wednesday, state media said.")
    static let other = record(
        "ap", url: "https://apnews.com/article/biden-kyiv",
        "Joe Biden visited Kyiv on Monday and praised Volodymyr Zelensky for his courage.")

    static func record(_ id: String, url: String, _ text: String, date: String = "2023-07-27") -> InputUnit {
        let object: [String: String] = ["id": id, "url": url, "text": text, "date": date]
        let line = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return .record(source: "corpus.jsonl:\(id)", line: line)
    }

    static let all = [meetingByAgency, meetingByPaper, other]
}

/// A new SQLite store in a file of its own.
func temporaryStore() throws -> Store {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString).db").path
    return try Store.open(path)
}

func ingest(_ units: [InputUnit], into store: Store, batchSize: Int = 2) throws -> (IngestProgress, [String]) {
    let messages = Messages()
    let result = try Ingester(store: store, jobs: 2, batchSize: batchSize).run(units, report: { messages.add($0) })
    return (result, messages.all)
}

final class Messages: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// The tests every kind of store passes.
enum StoreChecks {
    /// A text is stored whole, accents, CJK and emoji included; a NUL, which no report means and PostgreSQL cannot keep
    /// (it once failed the whole batch there, and SQLite kept the text cut short at it), is stored as a space.
    static func textIsStoredWhole(_ store: Store) throws {
        let text = "Kim Jong Un met Sergei Shoigu\u{0} in Pyongyang. é中😀 Done."
        let (result, _) = try ingest([Corpus.record("whole", url: "https://example.com/whole", text), Corpus.other], into: store)
        #expect(result.added == 2)
        let stored = try store.database.read { session in
            try session.rows("SELECT text FROM articles WHERE source LIKE '%:whole'", []).first?.first?.string
        }
        #expect(stored == "Kim Jong Un met Sergei Shoigu  in Pyongyang. é中😀 Done.")
    }

    /// An article whose extraction fails is kept with its error, skipped by the next run, and stored when retried.
    static func failedArticlesAreKept(_ store: Store) throws {
        let refused = Corpus.record("refused", url: "https://example.com/refused", "The minister refused to comment on Monday.")
        let refusing = try Pipeline(Pipeline.standard().stages + [Refuse(word: "refused")])
        let first = try Ingester(store: store, reader: ReportReader(intake: Intake(), pipeline: refusing), jobs: 2).run(
            [Corpus.other, refused], report: { _ in })
        #expect(first.added == 1)
        #expect(first.failed == 1)
        let failures = try StoreQueries(store: store).failures()
        #expect(failures.count == 1)
        #expect(failures.first?.source == "corpus.jsonl:refused")
        #expect(failures.first?.docID == "refused")
        #expect(failures.first?.error.contains("refused") == true)

        // Run again: nothing is extracted, nothing fails.
        let second = try Ingester(store: store, reader: ReportReader(intake: Intake(), pipeline: refusing), jobs: 2).run(
            [Corpus.other, refused], report: { _ in })
        #expect(second.added == 0 && second.failed == 0 && second.skipped == 2)

        // Retried with a pipeline that reads it, the article is stored and is no longer a failure.
        var retry = Ingester(store: store, jobs: 2)
        retry.retryingFailed = true
        let third = try retry.run([Corpus.other, refused], report: { _ in })
        #expect(third.added == 1 && third.failed == 0)
        #expect(try StoreQueries(store: store).failures().isEmpty)
        #expect(try store.counts()["articles"] == 2)
    }

    /// Two articles of one meeting make one event with two mentions from two sources, each report's evidence kept.
    static func sameEventFromTwoReports(_ store: Store) throws {
        let (result, _) = try ingest(Corpus.all, into: store)
        #expect(result.added == 3)
        let meetings = try StoreQueries(store: store).events(EventFilter(actor: "Kim Jong Un", code: "04"))
        #expect(meetings.count == 1, "\(ResultTable(meetings).table())")
        let event = try #require(meetings.first)
        #expect(event.mentions == 2)
        #expect(event.sources == 2)
        #expect(event.articles == 2)
        #expect(event.source == "Kim Jong Un")
        #expect(event.target == "Sergei Shoigu")
        let evidence = try store.database.read { session in
            try session.rows("SELECT evidence FROM event_reports WHERE event_id = ?", [.text(event.id)]).compactMap { $0[0].string }
        }
        #expect(evidence.count == 2)
        #expect(evidence.allSatisfy { $0.contains("met") })
    }

    /// Ingesting the same inputs again adds no row anywhere.
    static func reingestChangesNothing(_ store: Store) throws {
        _ = try ingest(Corpus.all, into: store)
        let before = try store.counts()
        let (again, _) = try ingest(Corpus.all, into: store, batchSize: 1)
        #expect(again.added == 0)
        #expect(again.skipped == 3)
        #expect(try store.counts() == before)
        #expect(before["articles"] == 3)
    }

    /// Entities merge across reports with their aliases; quotes and words are found again.
    static func queries(_ store: Store) throws {
        _ = try ingest(Corpus.all, into: store)
        let queries = StoreQueries(store: store)
        let kim = try queries.entities(name: "Kim")
        #expect(kim.count == 1, "\(ResultTable(kim).table())")
        #expect(kim.first?.articles == 2)
        let quotes = try queries.quotes(speaker: "Kim Jong Un")
        #expect(quotes.map(\.quote) == ["We will stand together"], "\(ResultTable(quotes).table())")
        let found = try queries.articles(matching: "Zelensky courage")
        #expect(found.count == 1)
        #expect(try queries.articles(matching: "Shoigu").count == 2)
        let pairs = try queries.network()
        #expect(pairs.first.map { [$0.source, $0.target] } == ["Kim Jong Un", "Sergei Shoigu"])
    }

    /// Places carry their coordinates and the events that involve them or took place there; events count by date; the
    /// network keeps to a range.
    static func placesAndDates(_ store: Store) throws {
        let battle = Corpus.record(
            "front", url: "https://a.example/front", "Russian troops attacked Ukrainian soldiers in Bakhmut on Tuesday.")
        _ = try ingest(Corpus.all + [battle], into: store)
        let queries = StoreQueries(store: store)
        let places = try queries.places()
        let place = { (name: String) in places.first { $0.name == name } }
        let bakhmut = try #require(place("Bakhmut"), "\(ResultTable(places).table())")
        #expect((48...49).contains(bakhmut.latitude))
        #expect(bakhmut.events == 1 && bakhmut.here == 1, "\(ResultTable(places).table())")
        #expect(place("Ukraine").map { [$0.events, $0.here] } == [2, 0], "\(ResultTable(places).table())")
        #expect(places.allSatisfy { ["GPE", "LOC"].contains($0.type) })
        #expect(try queries.places(since: "2024").allSatisfy { $0.events == 0 })
        let dates = try queries.eventDates(EventFilter())
        let events = try queries.events(EventFilter(limit: 1000))
        #expect(dates.map(\.events).reduce(0, +) == events.count, "\(ResultTable(dates).table())")
        #expect(try queries.eventDates(EventFilter(actor: "Nobody Known")).isEmpty)
        #expect(try queries.network(since: "2024").isEmpty)
        #expect(try queries.network(since: "2023-07", until: "2023-07").count == (try queries.network().count))
    }
}

@Suite struct CodeRangeTests {
    @Test(
        arguments: [("112", "113"), ("09", "10"), ("0874", "0875"), ("1", "2"), ("99", nil), ("1a", nil), ("", nil)] as [(String, String?)])
    func aCodePrefixIsARangeOfCodes(code: String, next: String?) {
        #expect(StoreQueries.nextCode(after: code) == next)
    }
}

@Suite struct SQLiteStoreTests {
    @Test func sameEventFromTwoReportsIsOneEvent() throws { try StoreChecks.sameEventFromTwoReports(try temporaryStore()) }

    @Test func agentsOfTwoReportsStayApart() throws {
        // "protesters" of one report are not those of another, though the words are the same.
        let store = try temporaryStore()
        _ = try ingest(
            [
                Corpus.record("a", url: "https://a.example/1", "Kenya arrested the protesters on Monday."),
                Corpus.record("b", url: "https://b.example/2", "Peru arrested the protesters on Monday."),
            ], into: store)
        let protesters = try StoreQueries(store: store).entities(name: "protesters")
        #expect(protesters.count == 2, "\(ResultTable(protesters).table())")
        #expect(try StoreQueries(store: store).entities(name: "Kenya").count == 1)
    }

    @Test func reingestIsANoOp() throws { try StoreChecks.reingestChangesNothing(try temporaryStore()) }

    @Test func aTextIsStoredWhole() throws { try StoreChecks.textIsStoredWhole(try temporaryStore()) }

    @Test func queriesFindEntitiesQuotesAndWords() throws { try StoreChecks.queries(try temporaryStore()) }

    @Test func placesAndDatesOfEvents() throws { try StoreChecks.placesAndDates(try temporaryStore()) }

    @Test func badInputIsReportedAndSkipped() throws {
        let store = try temporaryStore()
        let bad = InputUnit.record(source: "corpus.jsonl:9", line: Data("{not json".utf8))
        let (result, messages) = try ingest([Corpus.other, bad, .failed(.missing("gone.txt"))], into: store)
        #expect(result.added == 1)
        #expect(result.failed == 2)
        #expect(messages.contains { $0.contains("corpus.jsonl:9") })
        #expect(messages.contains { $0.contains("gone.txt") })
    }

    @Test func anArticleThatFailsIsKeptWithItsErrorAndSkippedNextTime() throws {
        try StoreChecks.failedArticlesAreKept(try temporaryStore())
    }

    @Test func aFileThatIsNoStoreIsRefusedByName() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString).db").path
        try Data("SQLite format 3\u{0}this is not a database page".utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try Store.open(path)
            Issue.record("a file that is no database opened as a store")
        } catch let error as StoreError {
            #expect("\(error)".hasPrefix("the store '\(path)': "))
            #expect("\(error)".contains("not a database"))
        }
    }

    /// Root may write any file, so the read-only file itself is tried in `.ci/run` as another user; here SQLite's own
    /// read-only error, from a connection opened read-only, must come out naming the store and saying what is wrong.
    @Test func aReadOnlyStoreIsRefusedByNameSayingItIsReadOnly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-test-\(UUID().uuidString).db").path
        _ = try Store.open(path)
        var configuration = Configuration()
        configuration.readonly = true
        let readOnly = try DatabaseQueue(path: path, configuration: configuration)
        do {
            try Store.failing(path) { try readOnly.write { try $0.execute(sql: "DELETE FROM articles") } }
            Issue.record("a read-only connection wrote")
        } catch let error as StoreError {
            #expect("\(error)".hasPrefix("the store '\(path)': it is read-only"))
        }
    }

    @Test func aFullDiskStopsTheIngestWithNothingHalfWrittenAndARerunFinishes() throws {
        let store = try temporaryStore()
        _ = try ingest([Corpus.meetingByAgency], into: store)
        let before = try store.counts()
        // SQLite's page limit stands for a full disk: a batch with a long report cannot be written.
        let pages = try store.database.read { try $0.rows("PRAGMA page_count", []).first?.first?.int ?? 0 }
        try store.database.write { try $0.execute("PRAGMA max_page_count = \(pages + 1)") }
        let long = Corpus.record(
            "long", url: "https://example.com/long",
            String(repeating: "Kim Jong Un met Sergei Shoigu in Pyongyang on Wednesday. ", count: 400))
        do {
            _ = try ingest(Corpus.all + [long], into: store, batchSize: 8)
            Issue.record("the ingest went on with a full disk")
        } catch let error as StoreError {
            #expect("\(error)".contains("the store '"))
            #expect("\(error)".lowercased().contains("full"))
        }
        #expect(try store.counts() == before)
        try store.database.write { try $0.execute("PRAGMA max_page_count = 1073741823") }
        let (rerun, _) = try ingest(Corpus.all + [long], into: store)
        #expect(rerun.added == 3)
        let clean = try temporaryStore()
        _ = try ingest(Corpus.all + [long], into: clean)
        #expect(try store.counts() == clean.counts())
    }

    /// A store that refuses batches (a full disk) ends the ingest with its error while later batches are still being read and
    /// written: the run waits for the batch in the writer's hands and returns, it neither traps nor hangs.
    @Test func aStoreRefusingBatchesEndsTheIngestWithItsError() throws {
        let store = try temporaryStore()
        let pages = try store.database.read { try $0.rows("PRAGMA page_count", []).first?.first?.int ?? 0 }
        try store.database.write { try $0.execute("PRAGMA max_page_count = \(pages)") }
        let reports = (0..<12).map { n in
            Corpus.record("\(n)", url: "https://example.com/\(n)", "Kim Jong Un met Sergei Shoigu in Pyongyang, report \(n).")
        }
        #expect(throws: StoreError.self) { try ingest(reports, into: store, batchSize: 1) }
        #expect(try store.counts()["articles"]! < reports.count)
    }

    @Test(arguments: ["0", "-5", "soon", ""])
    func aQueryTimeoutThatIsNoNumberOfSecondsIsRefused(timeout: String) {
        #expect(throws: StoreError.badAddress("postgres://dossier@localhost/record?query_timeout=\(timeout)")) {
            try PostgresStoreDatabase(url: "postgres://dossier@localhost/record?query_timeout=\(timeout)")
        }
    }

    @Test func aStoreANewerDossierWroteIsRefusedUntouched() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-newer-\(UUID().uuidString).db").path
        let store = try Store.open(path)
        try store.database.write { session in
            try session.execute("INSERT INTO dossier_migrations (version, name, applied_at) VALUES (999, 'from the future', 'now')", [])
        }
        let before = try store.counts()
        #expect {
            try Store.open(path)
        } throws: { error in
            "\(error)".contains("the store '\(path)': a newer Dossier wrote it (schema migrations 999; this one knows up to")
        }
        #expect(try store.counts() == before)
    }

    @Test func aPostgreSQLPasswordStaysOutOfMessages() {
        #expect(
            Store.displayName("postgres://dossier:secret@db.example.com:5432/record") == "postgres://dossier@db.example.com:5432/record")
        #expect(Store.displayName("postgres://dossier@localhost/record") == "postgres://dossier@localhost/record")
        #expect(Store.displayName("record.db") == "record.db")
    }

    @Test func anUnfinishedIngestIsFinishedByTheNextRun() throws {
        let store = try temporaryStore()
        // The first run stopped after its first batch: only what that batch's transaction committed is there.
        _ = try ingest([Corpus.meetingByAgency], into: store)
        let (second, _) = try ingest(Corpus.all, into: store)
        #expect(second.added == 2)
        let clean = try temporaryStore()
        _ = try ingest(Corpus.all, into: clean)
        #expect(try store.counts() == clean.counts())
    }

    @Test func gdeltExportHas61Columns() throws {
        let store = try temporaryStore()
        _ = try ingest(Corpus.all, into: store)
        let lines = try EventExport(store: store).text(.gdelt).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.split(separator: "\t", omittingEmptySubsequences: false).count == 61) }
        let meeting = try #require(lines.first { $0.contains("SERGEI SHOIGU") })
        let columns = meeting.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(columns[1] == "20230726")
        #expect(columns[28] == "04")
        #expect(columns[31] == "2" && columns[32] == "2")
        #expect(columns[60].hasPrefix("https://"))
        let plover = try JSONSerialization.jsonObject(with: Data(try EventExport(store: store).text(.plover).utf8)) as? [[String: Any]]
        #expect(plover?.contains { ($0["reports"] as? [Any])?.count == 2 } == true)
    }
}

@Suite struct EventMatchingTests {
    let matching = EventMatching(toleranceDays: 1)

    @Test func fullDatesMatchWithinADay() {
        let candidate = EventMatching.Candidate(id: "a", date: "2023-07-26", placeKey: nil)
        #expect(matching.matches(date: "2023-07-27", place: nil, candidate))
        #expect(matching.matches(date: "2023-07-25", place: "kb:Q1", candidate))
        #expect(!matching.matches(date: "2023-07-28", place: nil, candidate))
        #expect(matching.matches(date: "2023-03-01", place: nil, .init(id: "b", date: "2023-02-28", placeKey: nil)))
    }

    @Test func aMonthMatchesItsDaysAndPlacesMustAgree() {
        #expect(matching.matches(date: "2023-07", place: nil, .init(id: "a", date: "2023-07-26", placeKey: nil)))
        #expect(!matching.matches(date: "2023-08", place: nil, .init(id: "a", date: "2023-07-26", placeKey: nil)))
        #expect(!matching.matches(date: "2023-07-26", place: "kb:Q1", .init(id: "a", date: "2023-07-26", placeKey: "kb:Q2")))
        #expect(!matching.matches(date: nil, place: nil, .init(id: "a", date: "2023-07-26", placeKey: nil)))
        #expect(!matching.matches(date: nil, place: nil, .init(id: "a", date: nil, placeKey: nil)))
    }

    @Test func theNearestCandidateWins() {
        let far = EventMatching.Candidate(id: "a", date: "2023-07-25", placeKey: nil)
        let near = EventMatching.Candidate(id: "b", date: "2023-07-26", placeKey: nil)
        #expect(matching.best(date: "2023-07-26", place: nil, among: [far, near])?.id == "b")
    }
}

/// A stage written for the tests that fails on reports holding a word.
struct Refuse: Stage {
    let name = "refuse"
    let requires: Set<Layer> = []
    let assigns: Set<Layer> = []
    let word: String

    struct Refused: Error, CustomStringConvertible {
        let word: String
        var description: String { "the report says '\(word)'" }
    }

    func run(_ document: inout Document) throws { if document.text.contains(word) { throw Refused(word: word) } }
}
