import ArgumentParser

@main
struct Dossier: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Read news reports and keep a verifiable record of who did what to whom, when, where, and on whose word.",
        discussion: """
            Start with `dossier extract`: with no input it reads the sample report it carries \
            and prints what it finds. Every fact points back to the words that state it.
            """,
        subcommands: [
            Extract.self, Explain.self, NER.self, Parse.self, Train.self, Ingest.self, Enqueue.self, Worker.self, Jobs.self, Query.self,
            Timeline.self, Network.self, Export.self, Serve.self, Fetch.self, Watch.self,
        ]
    )
}
