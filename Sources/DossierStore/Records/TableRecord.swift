/// A row of one of the store's tables: it names its table and columns and gives its values in their order, as GRDB's
/// records own theirs, so that a writer inserts records and never lines up columns and values itself.
///
/// ```swift
/// try session.insert([StoredAlias(entityKey: "kb:Q1", alias: "Shoigu", mentions: 2)],
///                    conflict: "ON CONFLICT (entity_key, alias) DO NOTHING")
/// ```
protocol TableRecord {
    static var table: String { get }
    static var columns: [String] { get }
    /// The row's values, one for each of ``columns``.
    var values: [SQLValue] { get }
}

extension SQLSession {
    /// Inserts records of one table in one statement; `conflict` is an `ON CONFLICT ...` clause or empty.
    func insert<Record: TableRecord>(_ records: [Record], conflict: String = "") throws {
        try insert(into: Record.table, columns: Record.columns, rows: records.map(\.values), conflict: conflict)
    }
}

/// The article a row of its own tables (mentions, quotes, claims, event reports) belongs to, and the month it was
/// stored in (``MonthlyPartitions``).
struct ArticleKey {
    var hash: String
    var month: String
}

extension EvidencePosition {
    /// The columns that hold a position, after a row's own.
    static let columns = ["span_start", "span_end", "block"]

    var values: [SQLValue] { [SQLValue(start), SQLValue(end), SQLValue(block)] }
}

/// A row of `articles`: an article, stored at `storedAt`.
struct StoredArticle: TableRecord {
    var record: ArticleRecord
    var storedAt: String

    static let table = "articles"
    static let columns = [
        "hash", "source", "origin", "doc_id", "title", "published", "url", "author", "outlet", "language", "text", "body",
        "ingested_at", "month",
    ]
    var values: [SQLValue] {
        [
            .text(record.hash), .text(record.source), .text(record.origin), SQLValue(record.given.id), SQLValue(record.title),
            SQLValue(record.published), SQLValue(record.given.url), SQLValue(record.given.author), SQLValue(record.given.outlet),
            SQLValue(record.given.language), .text(record.text), .text(record.body), .text(storedAt),
            .text(MonthlyPartitions.month(of: storedAt)),
        ]
    }
}

/// A row of `entities`: an entity named for the first time, as its first article describes it, with the mentions
/// and articles of the batch that name it.
struct StoredEntity: TableRecord {
    var entity: ArticleRecord.EntityRow
    var mentions: Int
    var articles: Int

    static let table = "entities"
    static let columns = ["key", "name", "type", "country", "kb", "actor", "latitude", "longitude", "mention_count", "article_count"]
    var values: [SQLValue] {
        [
            .text(entity.key), .text(entity.name), .text(entity.type), SQLValue(entity.country), SQLValue(entity.kb),
            SQLValue(entity.actor), SQLValue(entity.latitude), SQLValue(entity.longitude), SQLValue(mentions), SQLValue(articles),
        ]
    }
}

/// A row of `entity_aliases`: a name an entity is called by, and how often.
struct StoredAlias: TableRecord, Hashable {
    var entityKey: String
    var alias: String
    var mentions = 0

    static let table = "entity_aliases"
    static let columns = ["entity_key", "alias", "mention_count"]
    var values: [SQLValue] { [.text(entityKey), .text(alias), .integer(Int64(mentions))] }
}

/// A row of `article_entities`: an entity as one article has it.
struct StoredArticleEntity: TableRecord {
    var article: ArticleKey
    var entity: ArticleRecord.EntityRow

    static let table = "article_entities"
    static let columns = ["article_hash", "local_id", "entity_key", "name", "roles", "mention_count", "month"]
    var values: [SQLValue] {
        [
            .text(article.hash), .text(entity.localID), .text(entity.key), .text(entity.name),
            SQLValue(entity.roles.isEmpty ? nil : entity.roles.joined(separator: "; ")), .integer(Int64(entity.mentionCount)),
            .text(article.month),
        ]
    }
}

/// What an article holds a list of, each in a row of its own table after the article's hash and the item's place
/// in the list, with the item's position in the text and the article's month last.
protocol ArticleItem {
    static var table: String { get }
    /// The item's own columns.
    static var columns: [String] { get }
    var values: [SQLValue] { get }
    var position: EvidencePosition { get }
}

/// A row of an article's mentions, quotes, claims or event reports: the `ordinal`th of them in the article.
struct StoredItem<Item: ArticleItem>: TableRecord {
    var article: ArticleKey
    var ordinal: Int
    var item: Item

    static var table: String { Item.table }
    static var columns: [String] { ["article_hash", "ordinal"] + Item.columns + EvidencePosition.columns + ["month"] }
    var values: [SQLValue] {
        [.text(article.hash), .integer(Int64(ordinal))] + item.values + item.position.values + [.text(article.month)]
    }
}

extension ArticleRecord.MentionRow: ArticleItem {
    static let table = "mentions"
    static let columns = ["entity_key", "text", "kind", "type", "found_by"]
    var values: [SQLValue] { [SQLValue(entityKey), .text(text), .text(kind), .text(type), .text(foundBy)] }
}

extension ArticleRecord.QuoteRow: ArticleItem {
    static let table = "quotes"
    static let columns = ["speaker_key", "text", "direct", "said_on"]
    var values: [SQLValue] { [SQLValue(speakerKey), .text(text), .integer(direct ? 1 : 0), SQLValue(date)] }
}

extension ArticleRecord.ClaimRow: ArticleItem {
    static let table = "claims"
    static let columns = ["text"]
    var values: [SQLValue] { [.text(text)] }
}

/// An event report as stored: the event it reports, and the article's information source (``ArticleRecord/origin``).
struct ReportOfEvent: ArticleItem {
    var eventID: String
    var origin: String
    var report: ArticleRecord.EventReport

    static let table = "event_reports"
    static let columns = ["event_id", "cameo", "date", "status", "attributed_to", "origin", "evidence", "trigger_word", "pattern"]
    var values: [SQLValue] {
        [
            .text(eventID), .text(report.code), SQLValue(report.date), .text(report.status), SQLValue(report.attributedTo),
            .text(origin), .text(report.evidence), .text(report.trigger), .text(report.pattern),
        ]
    }
    var position: EvidencePosition { report.position }
}

/// A row of `claim_parties`: an entity that asserts or denies the `ordinal`th claim of an article.
struct StoredClaimParty: TableRecord {
    var article: ArticleKey
    var ordinal: Int
    var entityKey: String
    /// "asserts" or "denies".
    var stance: String

    static let table = "claim_parties"
    static let columns = ["article_hash", "ordinal", "entity_key", "stance", "month"]
    var values: [SQLValue] {
        [.text(article.hash), .integer(Int64(ordinal)), .text(entityKey), .text(stance), .text(article.month)]
    }
}

/// A row of `events`: an event first reported by `report` in `firstArticle`, with the batch's counts of its reports.
struct StoredEvent: TableRecord {
    var id: String
    var report: ArticleRecord.EventReport
    var firstArticle: String
    var addedAt: String
    var mentions = 0
    var articles = 0
    var sources = 0

    static let table = "events"
    static let columns = [
        "id", "merge_key", "cameo", "root", "plover", "mode", "quad_class", "goldstein", "source_key", "target_key", "place_key",
        "date", "first_article", "added_at", "num_mentions", "num_articles", "num_sources",
    ]
    var values: [SQLValue] {
        [
            .text(id), .text(report.mergeKey), .text(report.code), .text(report.root), SQLValue(report.plover),
            SQLValue(report.mode), SQLValue(report.quadClass), SQLValue(report.goldstein), SQLValue(report.sourceKey),
            SQLValue(report.targetKey), SQLValue(report.placeKey), SQLValue(report.date), .text(firstArticle), .text(addedAt),
            SQLValue(mentions), SQLValue(articles), SQLValue(sources),
        ]
    }
}

/// A row of `failed_articles`: an article that failed at `failedAt`, with its error.
struct StoredFailure: TableRecord {
    var failure: FailedArticle
    var failedAt: String

    static let table = "failed_articles"
    static let columns = ["hash", "source", "doc_id", "error", "failed_at"]
    var values: [SQLValue] {
        [.text(failure.hash), .text(failure.source), SQLValue(failure.docID), .text(failure.error), .text(failedAt)]
    }
}
