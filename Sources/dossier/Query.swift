import ArgumentParser
import DossierStore

struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the store: events, entities, quotes, or articles by their words.",
        discussion: """
            Examples:
              dossier query events --actor "Kim Jong Un" --since 2023-07-01 --code 04 --format table
              dossier query entities --type PERSON --limit 20
              dossier query quotes --speaker "Sergei Shoigu" --format json
              dossier query articles "missile launch" --format csv
              dossier query failures
            """,
        subcommands: [Events.self, Entities.self, Quotes.self, Articles.self, Failures.self]
    )

    /// The options every query shares.
    struct Output: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(help: "Output: table, json, jsonl or csv.")
        var format = ResultTable.Format.table
        @Option(help: "At most this many rows.")
        var limit = 100

        func print<Result: QueryResult>(_ results: (StoreQueries) throws -> [Result]) throws {
            let store = try self.store.open()
            Swift.print(ResultTable(try results(StoreQueries(store: store))).formatted(format), terminator: "")
            try store.close()
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Events merged across reports, by date.")
        @Option(help: "An actor's name, alias or entity key: events where it is source or target.")
        var actor: String?
        @Option(help: "Earliest date, YYYY-MM-DD (or YYYY-MM).")
        var since: String?
        @Option(help: "Latest date, YYYY-MM-DD (or YYYY-MM).")
        var until: String?
        @Option(help: "A CAMEO code or prefix: 04 is every consultation.")
        var code: String?
        @OptionGroup var output: Output

        func run() throws {
            try output.print { try $0.events(EventFilter(actor: actor, since: since, until: until, code: code, limit: output.limit)) }
        }
    }

    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Entities merged across reports, most mentioned first.")
        @Option(help: "A name, alias or entity key.")
        var name: String?
        @Option(help: "PERSON, ORG, GPE, LOC, WEAPON, EVENT, AGENT")
        var type: String?
        @OptionGroup var output: Output

        func run() throws { try output.print { try $0.entities(name: name, type: type, limit: output.limit) } }
    }

    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Quotes and reported speech, by date.")
        @Option(help: "The speaker's name, alias or entity key.")
        var speaker: String?
        @OptionGroup var output: Output

        func run() throws { try output.print { try $0.quotes(speaker: speaker, limit: output.limit) } }
    }

    struct Articles: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Articles whose title or body hold the words, best match first.")
        @Argument(help: "The words to find.")
        var words: String
        @OptionGroup var output: Output

        func run() throws { try output.print { try $0.articles(matching: words, limit: output.limit) } }
    }

    struct Failures: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Articles that ingest could not extract, latest first, with their errors.",
            discussion: "Another ingest skips them; `dossier ingest --retry-failed` extracts them again.")
        @OptionGroup var output: Output

        func run() throws { try output.print { try $0.failures(limit: output.limit) } }
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An actor's events in date order.", discussion: "Example: dossier timeline \"Kim Jong Un\" --since 2023-01-01")
    @Argument(help: "The actor's name, alias or entity key.")
    var actor: String
    @Option(help: "Earliest date, YYYY-MM-DD (or YYYY-MM).")
    var since: String?
    @OptionGroup var output: Query.Output

    func run() throws { try output.print { try $0.events(EventFilter(actor: actor, since: since, limit: output.limit)) } }
}

struct Network: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pairs of actors, weighted by the events between them and the sum of their Goldstein scores.",
        discussion: "Example: dossier network --actor Russia --format csv")
    @Option(help: "Only the pairs that include this actor.")
    var actor: String?
    @OptionGroup var output: Query.Output

    func run() throws { try output.print { try $0.network(actor: actor, limit: output.limit) } }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write every event of the store: GDELT 2.0 event TSV, PLOVER JSON, CSV or JSON Lines.",
        discussion: """
            gdelt: GDELT 2.0's 61 tab-separated columns, without a header, blank where Dossier has no value \
            (tone, religion and ethnic codes, FIPS country codes). plover: a JSON array of events with their \
            PLOVER type and mode, actor, recipient, location, counts and every report's evidence. jsonl: the \
            same objects, one a line. csv: a header and one line an event.
            Example: dossier export --format gdelt > events.tsv
            """)
    @Option(help: "gdelt, plover, csv or jsonl.")
    var format = EventExport.Format.jsonl
    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try self.store.open()
        print(try EventExport(store: store).text(format), terminator: "")
        try store.close()
    }
}
