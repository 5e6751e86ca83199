import DossierCore
import DossierStore
import Foundation

/// An SQLite store in a folder of its own under the system's temporary folder, holding the reports it was made
/// from; ``remove()`` deletes it. `dossier serve` with no `--store` serves one made from the sample report.
///
///     let sample = try TemporaryStore(ingesting: [try .embeddedSample()])
///     defer { sample.remove() }
public struct TemporaryStore: Sendable {
    public let store: Store
    public let folder: URL

    /// Makes the store and ingests `units` into it; throws when a unit fails, with the ingester's messages.
    public init(ingesting units: [InputUnit]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(folder.appendingPathComponent("dossier.db").path)
        let messages = Locked<[String]>([])
        let result = try Ingester(store: store, jobs: 1).run(units, report: { message in messages.withLock { $0.append(message) } })
        if result.failed > 0 { throw IngestFailed(messages: messages.withLock { $0 }) }
    }

    /// Closes the store and deletes its folder.
    public func remove() {
        try? store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Reports that could not be ingested into a temporary store.
    public struct IngestFailed: Error, CustomStringConvertible {
        public let messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }
}
