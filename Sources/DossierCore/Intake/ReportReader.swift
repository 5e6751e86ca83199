/// The one way Dossier reads a report, shared by `extract`, `explain` and `ingest`: the unit loaded by the intake, the
/// reference date given where the report states none, then the pipeline run within the time budget.
///
///     let reader = ReportReader(intake: Intake(), pipeline: .standard(), date: "2023-07-26")
///     let article = try reader.load(.file(path: "report.txt"))
///     let document = try reader.read(article)
public struct ReportReader: Sendable {
    public var intake: Intake
    public var pipeline: Pipeline
    /// The reference date of a report that gives none (ISO 8601).
    public var date: String?
    /// The time a report may take (``Pipeline/run(_:budget:)``).
    public var budget: Duration?

    public init(intake: Intake, pipeline: Pipeline, date: String? = nil, budget: Duration? = nil) {
        self.intake = intake
        self.pipeline = pipeline
        self.date = date
        self.budget = budget
    }

    /// The unit's article, with the reference date where it gives none.
    public func load(_ unit: InputUnit) throws(InputError) -> RawArticle {
        var article = try intake.load(unit)
        if article.given.date == nil { article.given.date = date }
        return article
    }

    /// The article read by the pipeline.
    public func read(_ article: RawArticle) throws -> Document {
        var document = article.document()
        try pipeline.run(&document, budget: budget)
        return document
    }
}
