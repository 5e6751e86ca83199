import DossierCore
import Foundation

/// Where each input is written to be read as a web archive: one file a fuzzing process.
let archivePath = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(getpid()).warc").path

/// Any bytes as a file's contents: gzip, byte-order marks, UTF-16, HTML sniffing, then the text decoder; and the same
/// bytes as a web archive (`.warc`, or `.warc.gz` when they start like gzip), every page of it read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntake(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let intake = Intake(maxBytes: 1 << 20)
    _ = try? intake.article(data, source: "fuzz.txt")
    if FileManager.default.createFile(atPath: archivePath, contents: data) {
        for unit in intake.units(for: [archivePath]) { _ = try? intake.load(unit) }
    }
    return 0
}
