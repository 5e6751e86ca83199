/// An article that could not be extracted (its pipeline threw or ran past its time budget): kept in the store with its
/// error, so that another ingest of the same inputs skips it and `dossier query failures` lists it.
public struct FailedArticle: Sendable, Equatable {
    /// The content hash of its text (``ArticleRecord/hash(of:)``).
    public var hash: String
    /// Where it was read from: a file, or a file and line.
    public var source: String
    /// Its id in a JSON Lines record, if it had one.
    public var docID: String?
    public var error: String

    public init(hash: String, source: String, docID: String? = nil, error: String) {
        self.hash = hash
        self.source = source
        self.docID = docID
        self.error = error
    }
}
