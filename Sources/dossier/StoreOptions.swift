import ArgumentParser
import DossierStore

/// The `--store` option every store command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: "The store: an SQLite file, or a postgres://USER@HOST:PORT/DATABASE address.")
    var location = "dossier.db"

    func open() throws -> Store { try Store.open(location) }
}

extension ResultTable.Format: ExpressibleByArgument {}
extension EventExport.Format: ExpressibleByArgument {}
