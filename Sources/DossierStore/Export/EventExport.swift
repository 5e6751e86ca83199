import DossierCore
import Foundation

/// Writes the store's events in the forms other tools read: GDELT 2.0 event TSV, PLOVER JSON, CSV and JSON Lines.
public struct EventExport: Sendable {
    public let store: Store

    public init(store: Store) { self.store = store }

    public enum Format: String, Sendable, CaseIterable {
        /// GDELT 2.0's 61 tab-separated event columns, blank where Dossier has no value.
        case gdelt
        /// A JSON array of PLOVER events: type, mode, actor, recipient, place, and every report's text.
        case plover
        /// One line an event with a header, as `dossier query events --format csv`.
        case csv
        /// One JSON object an event, with every report and its evidence.
        case jsonl
    }

    /// An actor or place of an event, as the store knows it.
    struct Party: Sendable {
        var name: String
        var country: String?
        var actor: String?
        var type: String
        var latitude: Double?
        var longitude: Double?
    }

    /// One report of an event, with its evidence.
    struct Report: Sendable {
        var article: String
        var url: String?
        var source: String
        var title: String?
        var origin: String
        var status: String
        var date: String?
        var evidence: String
        var trigger: String
        var start: Int?
        var end: Int?
        var block: String?
    }

    /// An event record with its parties and reports.
    struct Record: Sendable {
        var id: String
        var date: String?
        var cameo: String
        var root: String
        var plover: String?
        var mode: String?
        var quadClass: Int?
        var goldstein: Double?
        var mentions: Int
        var sources: Int
        var articles: Int
        var added: String
        var source: Party?
        var target: Party?
        var place: Party?
        var reports: [Report]
    }

    /// The whole export in one string.
    public func text(_ format: Format) throws -> String {
        let records = try load()
        switch format {
        case .gdelt: return records.map { Self.gdeltColumns($0).joined(separator: "\t") + "\n" }.joined()
        case .csv: return ResultTable(try StoreQueries(store: store).events(EventFilter(limit: Int.max))).csv()
        case .jsonl:
            return records.map { record in
                var json = JSONWriter()
                Self.json(record, &json)
                return json.output + "\n"
            }.joined()
        case .plover:
            var json = JSONWriter(pretty: true)
            json.array { json in for record in records { Self.json(record, &json) } }
            return json.output + "\n"
        }
    }

    func load() throws -> [Record] {
        try store.database.read { session in
            var reports: [String: [Report]] = [:]
            for r in try session.rows(
                """
                SELECT r.event_id, r.article_hash, a.url, a.source, a.title, r.origin, r.status, r.date, r.evidence,
                    r.trigger_word, r.span_start, r.span_end, r.block
                FROM event_reports r JOIN articles a ON a.hash = r.article_hash ORDER BY r.event_id, r.article_hash, r.ordinal
                """, [])
            {
                reports[r[0].string ?? "", default: []].append(
                    Report(
                        article: r[1].string ?? "", url: r[2].string, source: r[3].string ?? "", title: r[4].string,
                        origin: r[5].string ?? "", status: r[6].string ?? "", date: r[7].string, evidence: r[8].string ?? "",
                        trigger: r[9].string ?? "", start: r[10].int, end: r[11].int, block: r[12].string))
            }
            func party(_ row: [SQLValue], _ at: Int) -> Party? {
                guard let name = row[at].string else { return nil }
                return Party(
                    name: name, country: row[at + 1].string, actor: row[at + 2].string, type: row[at + 3].string ?? "",
                    latitude: row[at + 4].double, longitude: row[at + 5].double)
            }
            let parties = ["s", "t", "p"].map { "\($0).name, \($0).country, \($0).actor, \($0).type, \($0).latitude, \($0).longitude" }
            return try session.rows(
                """
                SELECT e.id, e.date, e.cameo, e.root, e.plover, e.mode, e.quad_class, e.goldstein, e.num_mentions,
                    e.num_sources, e.num_articles, e.added_at, \(parties.joined(separator: ", "))
                FROM events e
                LEFT JOIN entities s ON s.key = e.source_key
                LEFT JOIN entities t ON t.key = e.target_key
                LEFT JOIN entities p ON p.key = e.place_key
                ORDER BY e.date, e.id
                """, []
            ).map { e in
                let id = e[0].string ?? ""
                return Record(
                    id: id, date: e[1].string, cameo: e[2].string ?? "", root: e[3].string ?? "", plover: e[4].string,
                    mode: e[5].string, quadClass: e[6].int, goldstein: e[7].double, mentions: e[8].int ?? 0, sources: e[9].int ?? 0,
                    articles: e[10].int ?? 0, added: e[11].string ?? "", source: party(e, 12), target: party(e, 18),
                    place: party(e, 24), reports: reports[id] ?? [])
            }
        }
    }

    /// A number for GDELT's GlobalEventID, stable for an event id (`HASH16-ORDINAL`): the hash's first 12 hex
    /// digits times 1,000 plus the ordinal.
    static func numericID(_ id: String) -> String {
        let parts = id.split(separator: "-")
        guard parts.count == 2, let high = UInt64(parts[0].prefix(12), radix: 16), let low = UInt64(parts[1]) else { return "" }
        return String(high * 1000 + low % 1000)
    }

    /// The 61 columns of a GDELT 2.0 event record.
    static func gdeltColumns(_ record: Record) -> [String] {
        let digits = (record.date ?? "").filter(\.isNumber)
        let day = digits.count >= 8 ? String(digits.prefix(8)) : ""
        let monthYear = digits.count >= 6 ? String(digits.prefix(6)) : ""
        let year = digits.count >= 4 ? String(digits.prefix(4)) : ""
        var fraction = ""
        if day.count == 8, let y = Int(year), let m = Int(digits.dropFirst(4).prefix(2)), let d = Int(digits.dropFirst(6).prefix(2)) {
            let dayOfYear = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][max(0, min(11, m - 1))] + d
            fraction = String(format: "%.4f", Double(y) + Double(dayOfYear) / 365)
        }
        func actor(_ party: Party?) -> [String] {
            guard let party else { return Array(repeating: "", count: 10) }
            let code = party.actor ?? ""
            let type = party.country.map { code.hasPrefix($0) ? String(code.dropFirst($0.count)) : "" } ?? code
            return [code, party.name.uppercased(), party.country ?? "", "", "", "", "", type, "", ""]
        }
        func geography(_ party: Party?) -> [String] {
            guard let party else { return Array(repeating: "", count: 8) }
            let coordinates = [party.latitude, party.longitude].map { $0.map { String(format: "%.4f", $0) } ?? "" }
            // GDELT's geographic types: 1 a country, 4 a place within one; its country codes are FIPS, which Dossier lacks.
            let type = party.latitude == nil ? "1" : "4"
            return [type, party.name, "", "", ""] + coordinates + [""]
        }
        let counts =
            [record.quadClass.map(String.init) ?? "", record.goldstein.map { String($0) } ?? ""]
            + [record.mentions, record.sources, record.articles].map(String.init) + [""]
        let added = record.added.filter(\.isNumber).prefix(14)
        let columns: [String] =
            [numericID(record.id), day, monthYear, year, fraction] + actor(record.source) + actor(record.target)
            + ["", record.cameo, String(record.cameo.prefix(3)), record.root] + counts
            + Array(repeating: "", count: 16) + geography(record.place)
            + [String(added), record.reports.first { $0.url != nil }?.url ?? ""]
        return columns
    }

    /// An event as PLOVER JSON, with Dossier's counts and every report's evidence.
    static func json(_ record: Record, _ json: inout JSONWriter) {
        json.object { json in
            json.field("id", record.id)
            json.field("date", record.date)
            json.field("event", record.plover)
            json.field("mode", record.mode)
            json.field("cameo", record.cameo)
            json.key("goldstein")
            if let goldstein = record.goldstein { json.number(goldstein) } else { json.null() }
            json.key("quad_class")
            if let quad = record.quadClass { json.int(quad) } else { json.null() }
            party("actor", record.source, &json)
            party("recipient", record.target, &json)
            json.key("location")
            if let place = record.place {
                json.object { json in
                    json.field("name", place.name)
                    json.field("country", place.country)
                    json.coordinates(latitude: place.latitude, longitude: place.longitude)
                }
            } else {
                json.null()
            }
            json.field("num_mentions", record.mentions)
            json.field("num_sources", record.sources)
            json.field("num_articles", record.articles)
            json.key("reports")
            json.array { json in
                for report in record.reports {
                    json.object { json in
                        json.field("article", report.article)
                        json.field("source", report.source)
                        json.field("url", report.url)
                        json.field("title", report.title)
                        json.field("origin", report.origin)
                        json.field("status", report.status)
                        json.field("date", report.date)
                        json.field("text", report.evidence)
                        json.field("trigger", report.trigger)
                        if let start = report.start, let end = report.end {
                            json.field("start", start)
                            json.field("end", end)
                        } else {
                            json.field("in", report.block)
                        }
                    }
                }
            }
        }
    }

    private static func party(_ key: String, _ party: Party?, _ json: inout JSONWriter) {
        json.key(key)
        guard let party else { return json.null() }
        json.object { json in
            json.field("name", party.name)
            json.field("country", party.country)
            json.field("code", party.actor)
            json.field("type", party.type)
        }
    }
}
