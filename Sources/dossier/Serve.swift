import ArgumentParser
import DossierCore
import DossierServer
import DossierStore
import Foundation

/// `dossier serve`: the store as an HTTP JSON API and a web page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Serve the store as an HTTP JSON API (articles, events, entities, quotes, claims, the network, and extraction) and a web page.",
        discussion: """
            At / a web page browses the store: the latest articles and a search, an article with its entities, \
            quotes and events marked in the text, the events table (filters, pages, CSV), an actor's timeline and \
            quotes, the network of actors, and a box to paste a report into. Every answer of the API is JSON, \
            errors included ({"error": "..."}: 400 for a bad parameter, 404 for an id no \
            record has, 413 for a body over --max-bytes). With no --store, the sample report Dossier carries is \
            ingested into a temporary store, deleted when the server stops (Ctrl-C), so that the API can be tried \
            at once. Only this machine can reach the server unless --host says otherwise.

            Routes (limit: 1 to 1000; dates: YYYY-MM-DD, YYYY-MM or YYYY):
              GET  /healthz                   "ok" and the rows in each table
              GET  /metrics                   requests and latencies by route, for Prometheus
              POST /extract?date=             what `dossier extract - --format json` prints
              GET  /articles?q=&limit=        by their words; without q, the latest
              GET  /articles/{id}             one article (its hash), its events, mentions and quotes with spans
              POST /articles?date=            store a report (with --allow-ingest and its Bearer token): its id
              GET  /events?actor=&code=&plover=&status=&since=&until=&sort=&limit=&offset=&format=
                                              sort: date or -date; format: json or csv (every match)
              GET  /entities?type=&q=&limit=  most mentioned first
              GET  /entities/{key}?limit=     one entity, its aliases, its events and its quotes
              GET  /quotes?speaker=&limit=
              GET  /claims?limit=
              GET  /events/dates?...          events per date, for the filters of /events
              GET  /network?actor=&since=&until=&limit=
              GET  /places?since=&until=&limit=  places with coordinates and their events (the map)
              GET  /export.gdelt              every event as `dossier export` writes it (also .plover, .csv, .jsonl)
              GET  /                          the web page (its files under /web/)

            Examples:
              dossier serve                   the sample report, at http://127.0.0.1:8080 (open it in a browser)
              dossier serve --store dossier.db --port 8099
              curl -s localhost:8080/healthz
              curl -s 'localhost:8080/events?actor=Kim%20Jong%20Un&code=04&limit=5'
              curl -s 'localhost:8080/entities?type=PERSON&limit=10'
              curl -s --data-binary @report.txt 'localhost:8080/extract?date=2023-07-27'
              DOSSIER_INGEST_TOKEN=secret dossier serve --store dossier.db --allow-ingest
              curl -s -H 'Authorization: Bearer secret' --data-binary @report.txt localhost:8080/articles
            """)

    @Option(
        name: .customLong("store"),
        help: ArgumentHelp(
            "The store to serve: an SQLite file, or a postgres://USER@HOST:PORT/DATABASE address. None: a temporary store of the sample report.",
            discussion: StoreOptions.addressHelp))
    var location: String?

    @Option(help: "The address to listen on: 127.0.0.1 serves this machine only, 0.0.0.0 every network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 8080

    @Option(help: "Refuse request bodies larger than this many bytes (413).")
    var maxBytes = 5 << 20

    @Flag(
        help: ArgumentHelp(
            "Take reports into the store over POST /articles, from clients that send the token as Authorization: Bearer TOKEN.",
            discussion: "The token is the environment's DOSSIER_INGEST_TOKEN, else one made up and printed at start."))
    var allowIngest = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
        if maxBytes <= 0 { throw ValidationError("--max-bytes must be positive") }
    }

    func run() async throws {
        if let location {
            let store = try Store.open(location)
            defer { try? store.close() }
            try await serve(store, named: store.name)
        } else {
            let sample = try TemporaryStore(ingesting: [.embeddedSample()])
            defer { sample.remove() }
            try await serve(sample.store, named: "the sample report")
        }
    }

    private func serve(_ store: Store, named name: String) async throws {
        var token: String?
        if allowIngest {
            if let given = ProcessInfo.processInfo.environment["DOSSIER_INGEST_TOKEN"], !given.isEmpty {
                token = given
                FileHandle.standardOutput.write(Data("dossier: POST /articles takes the token in DOSSIER_INGEST_TOKEN\n".utf8))
            } else {
                var generator = SystemRandomNumberGenerator()
                let made = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
                token = made
                FileHandle.standardOutput.write(Data("dossier: POST /articles takes Authorization: Bearer \(made)\n".utf8))
            }
        }
        let options = ServerOptions(host: host, port: port, maxBytes: maxBytes, ingestToken: token)
        let server = Server(store: store, options: options)
        try await server.application { url in
            FileHandle.standardOutput.write(Data("dossier: serving \(name) at \(url)\n".utf8))
        }.runService()
    }
}
