import ArgumentParser
import DossierCore
import DossierStore
import Foundation

/// `dossier enqueue`: records inputs as jobs for workers.
struct Enqueue: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record inputs (files, folders, web archives, JSON Lines dumps) as jobs that `dossier worker`s ingest.",
        discussion: """
            One job an input, with its size; an input queued before is not queued again. Any number of workers, on \
            this machine or others, then share the jobs through the store (PostgreSQL for many machines; an SQLite \
            file for one).
            Examples:
              dossier enqueue crawl/*.warc.gz --store postgres://dossier@db/dossier
              dossier worker --store postgres://dossier@db/dossier          (on each machine)
              dossier jobs --store postgres://dossier@db/dossier
            """)

    @Argument(help: "Inputs to ingest: each is one job.")
    var inputs: [String]
    @OptionGroup var store: StoreOptions

    func run() throws {
        var queued: [(input: String, size: Int)] = []
        for input in inputs {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: input) else {
                throw ValidationError("\(input): no such file or folder")
            }
            queued.append((input, (attributes[.size] as? NSNumber)?.intValue ?? 0))
        }
        let store = try store.open()
        let added = try JobQueue(store: store).enqueue(queued)
        FileHandle.standardError.write(Data("dossier: \(added) job(s) queued, \(inputs.count - added) queued before\n".utf8))
        try store.close()
    }
}

/// `dossier worker`: claims jobs and ingests them until none is left.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Claim queued jobs one at a time and ingest them, until no job is pending or running.",
        discussion: """
            A worker holds its job by a lease it renews every third of --lease; a worker that dies (kill -9, a machine \
            gone) stops renewing, and once the lease runs out another worker takes the job over, skipping the \
            articles already stored. A job that fails or loses its worker three times is parked as failed with its \
            error (`dossier jobs` lists it). While other workers still hold jobs, an idle worker waits for them, so \
            that it can take over a job whose worker died.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var reading: ReadingOptions
    @Option(help: "Worker threads (default: every core).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Articles a transaction.")
    var batchSize = 256
    @Option(help: "Seconds a claim holds a job before another worker may take it over.")
    var lease = 60
    @Option(help: "This worker's name in the queue (default: host and process id).")
    var name: String?
    @Option(help: "Seconds to keep connecting again when the store goes away before giving up.")
    var reconnectFor: Double = 300

    func validate() throws {
        if jobs <= 0 || batchSize <= 0 || lease < 3 { throw ValidationError("--jobs and --batch-size must be positive, --lease 3 or more") }
    }

    func run() throws {
        let worker = name ?? "\(ProcessInfo.processInfo.hostName):\(getpid())"
        let stderr = FileHandle.standardError
        @Sendable func say(_ line: String) { stderr.write(Data("dossier worker \(worker): \(line)\n".utf8)) }
        var failed = 0
        var lostSince: Date?
        while true {
            do {
                let store = try self.store.open()
                lostSince = nil
                failed += try work(store, as: worker, say: say)
                try store.close()
                break
            } catch let error as StoreError {
                // The server went away (a restart, a network cut): the job in hand goes back to the queue with the
                // server, or its lease runs out; this worker tries again until --reconnect-for has passed.
                let since = lostSince ?? Date()
                lostSince = since
                guard Date().timeIntervalSince(since) < reconnectFor else { throw error }
                say("\(error); connecting again in 2 s")
                Thread.sleep(forTimeInterval: 2)
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Claims and ingests jobs until none is pending or running; returns how many failed. Throws when the store fails.
    private func work(_ store: Store, as worker: String, say: @escaping @Sendable (String) -> Void) throws -> Int {
        let queue = JobQueue(store: store)
        let ingester = Ingester(store: store, reader: reading.reader(.standard()), jobs: jobs, batchSize: batchSize)
        var failed = 0
        while true {
            guard let job = try queue.claim(worker: worker, lease: lease) else {
                if try queue.unfinished() == 0 { return failed }
                Thread.sleep(forTimeInterval: 1)
                continue
            }
            say("job \(job.id) (\(job.input)), attempt \(job.attempts)")
            let renewal = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "dossier.worker.lease"))
            renewal.schedule(deadline: .now() + .seconds(lease / 3), repeating: .seconds(lease / 3))
            renewal.setEventHandler { _ = try? queue.renew(job, worker: worker, lease: lease) }
            renewal.resume()
            defer { renewal.cancel() }
            do {
                let result = try ingester.run(reading.intake.units(for: [job.input]), report: say)
                try queue.finish(job, articles: result.added)
                say(
                    String(
                        format: "job %d done: %d added, %d already stored, %d failed, %.0f a second", job.id, result.added, result.skipped,
                        result.failed, result.rate))
            } catch let error as StoreError {
                throw error
            } catch {
                failed += 1
                try queue.fail(job, error: "\(error)")
                say("job \(job.id) failed: \(error)")
            }
        }
    }
}

/// `dossier jobs`: the queue.
struct Jobs: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the job queue: each job's state, worker, attempts and articles.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let store = try store.open()
        let jobs = try JobQueue(store: store).jobs()
        print(["id", "state", "worker", "attempts", "articles", "input", "error"].joined(separator: "\t"))
        for job in jobs {
            let fields = [
                "\(job.id)", job.state.rawValue, job.worker ?? "", "\(job.attempts)", job.articles.map(String.init) ?? "", job.input,
                job.error ?? "",
            ]
            print(fields.joined(separator: "\t"))
        }
        let counts = Dictionary(grouping: jobs, by: \.state).mapValues(\.count)
        let summary = JobQueue.State.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("dossier: \(jobs.count) job(s): \(summary)\n".utf8))
        try store.close()
    }
}
