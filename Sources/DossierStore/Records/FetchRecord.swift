/// What the last fetch of a URL from the web found (`dossier fetch --ingest`, `dossier watch`): where it ended, when,
/// the validators that make the next fetch conditional, the body's hash, and the article read from it. Keyed by the
/// URL asked for, in its canonical form.
///
/// ```swift
/// try store.record([FetchRecord(url: "https://example.com/rss", finalURL: "https://example.com/rss", status: 200,
///                               fetchedAt: "2024-03-05T10:00:00Z", etag: "\"v1\"")])
/// let last = try store.fetchRecords(for: ["https://example.com/rss"])["https://example.com/rss"]
/// ```
public struct FetchRecord: Sendable, Equatable, TableRecord {
    public var url: String
    /// Where the redirects ended.
    public var finalURL: String
    /// The HTTP status of the last answer: 200 (or another 2xx), or 304 when the resource was unchanged.
    public var status: Int
    /// When it was fetched (ISO 8601).
    public var fetchedAt: String
    public var etag: String?
    public var lastModified: String?
    /// The server's `Date` header.
    public var servedAt: String?
    /// SHA-256 of the body, in hex.
    public var contentHash: String?
    /// The content hash of the article read from the page (``ArticleRecord/hash(of:)``); nil for a feed or sitemap.
    public var articleHash: String?

    public init(
        url: String, finalURL: String, status: Int, fetchedAt: String, etag: String? = nil, lastModified: String? = nil,
        servedAt: String? = nil, contentHash: String? = nil, articleHash: String? = nil
    ) {
        self.url = url
        self.finalURL = finalURL
        self.status = status
        self.fetchedAt = fetchedAt
        self.etag = etag
        self.lastModified = lastModified
        self.servedAt = servedAt
        self.contentHash = contentHash
        self.articleHash = articleHash
    }

    static let table = "fetches"
    static let columns = [
        "url", "final_url", "status", "fetched_at", "etag", "last_modified", "served_at", "content_hash", "article_hash",
    ]

    static func creation() -> String {
        """
        CREATE TABLE fetches (
            url TEXT PRIMARY KEY, final_url TEXT NOT NULL, status BIGINT NOT NULL, fetched_at TEXT NOT NULL, etag TEXT,
            last_modified TEXT, served_at TEXT, content_hash TEXT, article_hash TEXT)
        """
    }

    var values: [SQLValue] {
        [
            .text(url), .text(finalURL), .integer(Int64(status)), .text(fetchedAt), SQLValue(etag), SQLValue(lastModified),
            SQLValue(servedAt), SQLValue(contentHash), SQLValue(articleHash),
        ]
    }

    init?(row: [SQLValue]) {
        guard row.count == Self.columns.count, let url = row[0].string, let finalURL = row[1].string, let status = row[2].int,
            let fetchedAt = row[3].string
        else { return nil }
        self.init(
            url: url, finalURL: finalURL, status: status, fetchedAt: fetchedAt, etag: row[4].string, lastModified: row[5].string,
            servedAt: row[6].string, contentHash: row[7].string, articleHash: row[8].string)
    }
}

extension Store {
    /// The last fetch of each of these URLs that has one, by URL.
    public func fetchRecords(for urls: [String]) throws -> [String: FetchRecord] {
        try Self.failing(name) {
            try database.read { session in
                let rows = try session.rows(
                    "SELECT \(FetchRecord.columns.joined(separator: ", ")) FROM fetches WHERE url IN (%@)", in: urls.map { .text($0) })
                return Dictionary(rows.compactMap(FetchRecord.init(row:)).map { ($0.url, $0) }, uniquingKeysWith: { $1 })
            }
        }
    }

    /// Records fetches, each replacing the last fetch of its URL.
    public func record(_ fetches: [FetchRecord]) throws {
        let updates = FetchRecord.columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        try Self.failing(name) {
            try database.write { session in
                try session.insert(fetches, conflict: "ON CONFLICT (url) DO UPDATE SET \(updates)")
            }
        }
    }
}
