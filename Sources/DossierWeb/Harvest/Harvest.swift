import DossierCore
import DossierStore

/// What one harvest brought in: the pages read into articles, every fetch to remember, what failed and what was
/// passed over.
public struct Harvest: Sendable {
    /// The pages read, in the order they were found.
    public var pages: [HarvestedPage] = []
    /// Every fetch that got an answer (pages, feeds and 304s), to record in the store.
    public var fetches: [FetchRecord] = []
    /// URLs that could not be fetched or read, with the reason.
    public var failures: [HarvestFailure] = []
    /// Feeds and pages the server said were unchanged (304).
    public var unchanged = 0
    /// Entries passed over: stored already, met twice in the run, or with a body met before under another URL.
    public var skipped = 0

    public init() {}
}

/// A page fetched and read into an article, and the fetch that brought it.
public struct HarvestedPage: Sendable {
    public var article: RawArticle
    public var fetch: FetchRecord
}

/// A URL that could not be fetched or read.
public struct HarvestFailure: Sendable, CustomStringConvertible {
    public var url: String
    public var reason: String

    public var description: String { "\(url): \(reason)" }
}
