import DossierCore
import FuzzCommon

/// Any bytes as a web page: the HTML reader, then the stages that find the article in its text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    fuzzArticle(start, count, stages: articleStages) { try Intake(maxBytes: 1 << 20).article($0, source: "fuzz.html") }
}

let articleStages = try! Pipeline(Pipeline.article())
