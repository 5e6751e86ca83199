import DossierCore
import Foundation

/// Any bytes as a file's contents: gzip, byte-order marks, UTF-16, HTML sniffing, then the text decoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntake(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = try? Intake(maxBytes: 1 << 20).article(data, source: "fuzz.txt")
    return 0
}
