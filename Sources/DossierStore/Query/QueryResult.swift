/// A row a query returns, as a value of its own type: its fields for code that reads them, and its columns and values
/// for ``ResultTable``, which writes rows as a table, CSV or JSON.
///
/// ```swift
/// let events = try StoreQueries(store: store).events(EventFilter(actor: "Shoigu"))
/// for event in events { print(event.date ?? "undated", event.cameo, event.source ?? "-") }
/// print(ResultTable(events).csv())
/// ```
public protocol QueryResult: Sendable {
    /// The columns of a table of these results.
    static var columns: [String] { get }
    /// The row's values, one for each of ``columns``.
    var values: [SQLValue] { get }
}

extension ResultTable {
    /// A table of query results.
    public init<Result: QueryResult>(_ results: [Result]) {
        self.init(columns: Result.columns, rows: results.map(\.values))
    }
}

/// Reads a row's values in order, as the type each field has.
struct RowReader {
    private let row: [SQLValue]
    private var index = 0

    init(_ row: [SQLValue]) { self.row = row }

    private mutating func next() -> SQLValue {
        defer { index += 1 }
        return index < row.count ? row[index] : .null
    }

    mutating func text() -> String? { next().string }
    mutating func int() -> Int? { next().int }
    mutating func double() -> Double? { next().double }
}

/// An event merged across reports (``StoreQueries/events(_:)``), with its first report's evidence.
public struct EventSummary: QueryResult, Hashable {
    public var id: String
    public var date: String?
    public var cameo: String
    public var plover: String?
    /// The names of its source, target and place.
    public var source: String?
    public var target: String?
    public var place: String?
    public var goldstein: Double?
    /// Its reports, the information sources and the articles that report it.
    public var mentions: Int
    public var sources: Int
    public var articles: Int
    /// The sentence of its first report.
    public var evidence: String?
    public var sourceKey: String?
    public var targetKey: String?
    /// The hash of the first article that reported it.
    public var article: String

    public static let columns = [
        "id", "date", "cameo", "plover", "source", "target", "place", "goldstein", "mentions", "sources", "articles", "evidence",
        "source_key", "target_key", "article",
    ]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (id, date, cameo, plover) = (r.text() ?? "", r.text(), r.text() ?? "", r.text())
        (source, target, place, goldstein) = (r.text(), r.text(), r.text(), r.double())
        (mentions, sources, articles) = (r.int() ?? 0, r.int() ?? 0, r.int() ?? 0)
        (evidence, sourceKey, targetKey, article) = (r.text(), r.text(), r.text(), r.text() ?? "")
    }

    public var values: [SQLValue] {
        [
            .text(id), SQLValue(date), .text(cameo), SQLValue(plover), SQLValue(source), SQLValue(target), SQLValue(place),
            SQLValue(goldstein), SQLValue(mentions), SQLValue(sources), SQLValue(articles), SQLValue(evidence), SQLValue(sourceKey),
            SQLValue(targetKey), .text(article),
        ]
    }
}

/// How many events fall on a date (``StoreQueries/eventDates(_:)``); a nil date counts the undated ones.
public struct DateCount: QueryResult, Hashable {
    public var date: String?
    public var events: Int

    public static let columns = ["date", "events"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (date, events) = (r.text(), r.int() ?? 0)
    }

    public var values: [SQLValue] { [SQLValue(date), SQLValue(events)] }
}

/// An entity record (``StoreQueries/entities(name:type:limit:)``), with up to five of its commonest aliases.
public struct EntitySummary: QueryResult, Hashable {
    public var key: String
    public var name: String
    public var type: String
    public var country: String?
    public var kb: String?
    public var actor: String?
    public var mentions: Int
    public var articles: Int
    /// Its commonest names, joined by "; ".
    public var aliases: String?

    public static let columns = ["key", "name", "type", "country", "kb", "actor", "mentions", "articles", "aliases"]

    init(row: [SQLValue], aliases: String?) {
        var r = RowReader(row)
        (key, name, type, country, kb, actor) = (r.text() ?? "", r.text() ?? "", r.text() ?? "", r.text(), r.text(), r.text())
        (mentions, articles, self.aliases) = (r.int() ?? 0, r.int() ?? 0, aliases)
    }

    public var values: [SQLValue] {
        [
            .text(key), .text(name), .text(type), SQLValue(country), SQLValue(kb), SQLValue(actor), SQLValue(mentions),
            SQLValue(articles), SQLValue(aliases),
        ]
    }
}

/// One entity record whole (``StoreQueries/entity(key:)``): the record as lists give it, and where it is.
public struct EntityDetail: QueryResult, Hashable {
    /// The record, without aliases (``StoreQueries/aliases(ofEntity:)`` lists them all).
    public var entity: EntitySummary
    public var latitude: Double?
    public var longitude: Double?

    public static let columns = ["key", "name", "type", "country", "kb", "actor", "latitude", "longitude", "mentions", "articles"]

    /// `row`: the columns of ``EntitySummary`` but its aliases, then latitude and longitude.
    init(row: [SQLValue]) {
        entity = EntitySummary(row: Array(row.prefix(8)), aliases: nil)
        var r = RowReader(Array(row.dropFirst(8)))
        (latitude, longitude) = (r.double(), r.double())
    }

    public var values: [SQLValue] {
        let summary = entity.values
        return Array(summary.prefix(6)) + [SQLValue(latitude), SQLValue(longitude)] + Array(summary[6..<8])
    }
}

/// A name an entity is called by, and how often (``StoreQueries/aliases(ofEntity:)``).
public struct AliasCount: QueryResult, Hashable {
    public var alias: String
    public var mentions: Int

    public static let columns = ["alias", "mentions"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (alias, mentions) = (r.text() ?? "", r.int() ?? 0)
    }

    public var values: [SQLValue] { [.text(alias), SQLValue(mentions)] }
}

/// A quote, with its speaker and the article that reports it (``StoreQueries/quotes(speaker:limit:)``).
public struct QuoteSummary: QueryResult, Hashable {
    /// When it was said, else the article's date.
    public var date: String?
    public var speaker: String?
    public var quote: String
    /// In quotation marks, not reported speech.
    public var direct: Bool
    public var title: String?
    public var source: String
    public var article: String

    public static let columns = ["date", "speaker", "quote", "direct", "title", "source", "article"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (date, speaker, quote, direct) = (r.text(), r.text(), r.text() ?? "", r.int() == 1)
        (title, source, article) = (r.text(), r.text() ?? "", r.text() ?? "")
    }

    public var values: [SQLValue] {
        [SQLValue(date), SQLValue(speaker), .text(quote), .integer(direct ? 1 : 0), SQLValue(title), .text(source), .text(article)]
    }
}

/// An article in a list (``StoreQueries/articles(matching:limit:)``, ``StoreQueries/latestArticles(limit:)``).
public struct ArticleSummary: QueryResult, Hashable {
    public var hash: String
    public var published: String?
    public var title: String?
    public var source: String

    public static let columns = ["hash", "published", "title", "source"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (hash, published, title, source) = (r.text() ?? "", r.text(), r.text(), r.text() ?? "")
    }

    public var values: [SQLValue] { [.text(hash), SQLValue(published), SQLValue(title), .text(source)] }
}

/// One article whole, with its clean body (``StoreQueries/article(hash:)``).
public struct ArticleDetail: QueryResult, Hashable {
    public var hash: String
    public var source: String
    public var docID: String?
    public var title: String?
    public var published: String?
    public var url: String?
    public var author: String?
    public var outlet: String?
    public var language: String?
    public var body: String
    public var ingestedAt: String

    public static let columns = [
        "hash", "source", "doc_id", "title", "published", "url", "author", "outlet", "language", "body", "ingested_at",
    ]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (hash, source, docID, title, published) = (r.text() ?? "", r.text() ?? "", r.text(), r.text(), r.text())
        (url, author, outlet, language, body, ingestedAt) = (r.text(), r.text(), r.text(), r.text(), r.text() ?? "", r.text() ?? "")
    }

    public var values: [SQLValue] {
        [
            .text(hash), .text(source), SQLValue(docID), SQLValue(title), SQLValue(published), SQLValue(url), SQLValue(author),
            SQLValue(outlet), SQLValue(language), .text(body), .text(ingestedAt),
        ]
    }
}

/// A pair of actors and the events between them (``StoreQueries/network(actor:since:until:limit:)``).
public struct ActorPair: QueryResult, Hashable {
    public var source: String
    public var target: String
    public var events: Int
    public var mentions: Int
    public var sourceKey: String
    public var targetKey: String
    /// The sum of the events' Goldstein scores, to one decimal.
    public var goldstein: Double?

    public static let columns = ["source", "target", "events", "mentions", "source_key", "target_key", "goldstein"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (source, target, events, mentions) = (r.text() ?? "", r.text() ?? "", r.int() ?? 0, r.int() ?? 0)
        (sourceKey, targetKey, goldstein) = (r.text() ?? "", r.text() ?? "", r.double().map { ($0 * 10).rounded() / 10 })
    }

    public var values: [SQLValue] {
        [.text(source), .text(target), SQLValue(events), SQLValue(mentions), .text(sourceKey), .text(targetKey), SQLValue(goldstein)]
    }
}

/// An article that failed, with its error (``StoreQueries/failures(limit:)``).
public struct FailureSummary: QueryResult, Hashable {
    public var failedAt: String
    public var source: String
    public var docID: String?
    public var error: String
    public var hash: String

    public static let columns = ["failed_at", "source", "doc_id", "error", "hash"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (failedAt, source, docID, error, hash) = (r.text() ?? "", r.text() ?? "", r.text(), r.text() ?? "", r.text() ?? "")
    }

    public var values: [SQLValue] { [.text(failedAt), .text(source), SQLValue(docID), .text(error), .text(hash)] }
}

/// A claim, with the names of those who assert and deny it (each joined by "; ") and its article
/// (``StoreQueries/claims(limit:)``).
public struct ClaimSummary: QueryResult, Hashable {
    public var date: String?
    public var claim: String
    public var assertedBy: String?
    public var deniedBy: String?
    public var title: String?
    public var source: String
    public var article: String

    public static let columns = ["date", "claim", "asserted_by", "denied_by", "title", "source", "article"]

    public var values: [SQLValue] {
        [SQLValue(date), .text(claim), SQLValue(assertedBy), SQLValue(deniedBy), SQLValue(title), .text(source), .text(article)]
    }
}

/// A place with coordinates and its events (``StoreQueries/places(since:until:limit:)``).
public struct PlaceSummary: QueryResult, Hashable {
    public var key: String
    public var name: String
    public var type: String
    public var latitude: Double
    public var longitude: Double
    /// The events that involve it as source, target or place.
    public var events: Int
    /// The events that took place there.
    public var here: Int

    public static let columns = ["key", "name", "type", "latitude", "longitude", "events", "here"]

    init(row: [SQLValue]) {
        var r = RowReader(row)
        (key, name, type, latitude, longitude) = (r.text() ?? "", r.text() ?? "", r.text() ?? "", r.double() ?? 0, r.double() ?? 0)
        (events, here) = (r.int() ?? 0, r.int() ?? 0)
    }

    public var values: [SQLValue] {
        [.text(key), .text(name), .text(type), .real(latitude), .real(longitude), SQLValue(events), SQLValue(here)]
    }
}
