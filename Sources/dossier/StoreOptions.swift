import ArgumentParser
import DossierStore

/// The `--store` option every store command takes.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .customLong("store"),
        help: ArgumentHelp("The store: an SQLite file, or a postgres://USER@HOST:PORT/DATABASE address.", discussion: addressHelp))
    var location = "dossier.db"

    /// What a PostgreSQL address may add, for the help of every command that takes a store.
    static let addressHelp = """
        A PostgreSQL address may end in ?host=/socket/folder (a Unix socket) and &query_timeout=SECONDS: a \
        statement unanswered that long ends the command with an error (default 120).
        """

    func open() throws -> Store { try Store.open(location) }
}

extension ResultTable.Format: ExpressibleByArgument {}
extension EventExport.Format: ExpressibleByArgument {}
