import DossierCore
import Foundation

/// Reads inputs in child processes (`extract --isolate`): a trap while reading one input ends its child only, and a
/// child that answers nothing for `deadline` seconds is stopped; the input is reported as failed, with the signal or
/// the time, and the others go on in a fresh child.
///
/// The parent and its children build the same list of inputs from the same arguments: the parent sends a child an
/// input's number on a line of its standard input, and reads back the outcome as one line of JSON.
final class IsolatedWorkers: @unchecked Sendable {
    private let arguments: [String]
    private let deadline: Double?
    private let lock = NSLock()
    private var idle: [Child] = []
    private let free: DispatchSemaphore

    /// At most `count` children, each run as `dossier ARGUMENTS` (the parent's own, with the worker flag); nil
    /// `deadline`: no limit.
    init(count: Int, arguments: [String], deadline: Double?) {
        self.arguments = arguments
        self.deadline = deadline
        free = DispatchSemaphore(value: count)
        // A child that dies leaves a broken pipe: writing to it is an error to report, not a signal that ends the parent.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The outcome of input number `index`, named `name` in messages.
    func process(_ index: Int, name: String) -> Outcome {
        free.wait()
        defer { free.signal() }
        let child: Child
        do {
            child = try lock.withLock { idle.popLast() } ?? Child(arguments)
        } catch {
            return Outcome(output: nil, messages: ["dossier: error: \(name): no worker process could start: \(error)"], failed: true)
        }
        switch child.process(index, deadline: deadline) {
        case .done(let outcome):
            lock.withLock { idle.append(child) }
            return outcome
        case .died:
            return Outcome(
                output: nil,
                messages: ["dossier: error: \(name): reading it stopped its worker process (\(child.end())); the other inputs go on"],
                failed: true)
        case .late:
            child.stop()
            return Outcome(
                output: nil,
                messages: [
                    "dossier: error: \(name): its worker process answered nothing for \(Int(deadline ?? 0)) s and was stopped; the other inputs go on"
                ],
                failed: true)
        }
    }

    /// Ends the idle children: their standard input closes and they exit.
    func finish() {
        lock.withLock {
            for child in idle { _ = child.end() }
            idle = []
        }
    }

    /// Serves a parent (`--worker`): reads input numbers from standard input and writes each outcome as a line of JSON.
    static func serve(_ work: (Int) -> Outcome?) {
        let encoder = JSONEncoder()
        while let line = readLine() {
            guard let index = Int(line), let outcome = work(index), var data = try? encoder.encode(outcome) else { return }
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
    }
}

/// One worker process and its pipes.
private final class Child {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()

    init(_ arguments: [String]) throws {
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        // The parent reports a child's crash in one line; the runtime's backtrace would bury it.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { _, new in new }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    enum Answer {
        case done(Outcome)
        case died
        case late
    }

    /// The child's outcome for input `index`, or how it failed to give one within `deadline` seconds.
    func process(_ index: Int, deadline: Double?) -> Answer {
        do {
            try input.fileHandleForWriting.write(contentsOf: Data("\(index)\n".utf8))
        } catch {
            return .died
        }
        let end = deadline.map { Date().addingTimeInterval($0) }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Data(buffer[buffer.startIndex..<newline])
                buffer = Data(buffer[(newline + 1)...])
                return (try? JSONDecoder().decode(Outcome.self, from: line)).map(Answer.done) ?? .died
            }
            if let end {
                var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
                let left = Int32(max(0, min(end.timeIntervalSinceNow * 1000, Double(Int32.max))))
                if poll(&ready, 1, left) == 0 { return .late }
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return .died }
            buffer.append(chunk)
        }
    }

    /// Kills a child that answers nothing, and waits for it.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        _ = end()
    }

    /// Closes the child's input, waits for it and says how it ended ("signal 4", "exit 0").
    func end() -> String {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? "signal \(process.terminationStatus)" : "exit \(process.terminationStatus)"
    }
}
