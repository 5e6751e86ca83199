import DossierCore
import Foundation

/// Any bytes as a report's text (invalid UTF-8 repaired, as the text decoder does), through every stage, and the
/// output written as JSON.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    var document = Document(text: text, source: "fuzz", given: GivenMetadata(date: "2023-07-26"))
    do {
        try standard.run(&document)
        _ = ExtractionOutput.json(document)
    } catch {}
    return 0
}

let standard = Pipeline.standard()
