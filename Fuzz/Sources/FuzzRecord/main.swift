import DossierCore
import FuzzCommon

/// Any bytes as one line of a JSON Lines dump, then the reading stages on its text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzArticle(start, count, stages: readingStages) { try Intake(maxBytes: 1 << 20).record($0, source: "fuzz.jsonl:1") }
}

let readingStages = try! Pipeline(Pipeline.reading())
