import Estate
import EstateIO
import Foundation

/// One fuzz input: the first byte picks a reader, the rest is its input. Every reader must
/// either return or throw its own error type; a crash, a hang (libFuzzer's -timeout) or a
/// sanitizer report is a bug.
///
/// 0: a CSV document (the scanner and the cell table every dataset file goes through);
/// 1: travel.csv rows against fixed area and site ids (the fast scanner and number parser);
/// 2: a scenario (bounded YAML, the scenario tree, the scenario decoder);
/// 3: a dataset folder: the bytes split at NUL into areas.csv, sites.csv, usage.csv, travel.csv.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = data[0] % 4
    let body = UnsafeBufferPointer(start: data + 1, count: size - 1)
    switch selector {
    case 0:
        _ = try? CSVDocument(bytes: Array(body), file: "fuzz.csv")
    case 1:
        _ = try? TravelReader.parse(body, file: "travel.csv", areaIDs: ["A1", "A2", "A3"], siteIDs: ["S1", "S2"])
    case 2:
        let text = String(decoding: body, as: UTF8.self)
        if let tree = try? ScenarioReader.parse(text: text, file: "fuzz.yaml") {
            _ = try? Scenario(document: tree, file: "fuzz.yaml")
        }
    default:
        readDataset(Array(body))
    }
    return 0
}

/// A scratch folder per process, rewritten for every dataset input.
private let datasetFolder: URL = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
    let url = base.appendingPathComponent("estate-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

private func readDataset(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false)
    let names = ["areas.csv", "sites.csv", "usage.csv", "travel.csv"]
    for (index, name) in names.enumerated() {
        let url = datasetFolder.appendingPathComponent(name)
        if index < parts.count {
            try? Data(parts[index]).write(to: url)
        } else {
            try? FileManager.default.removeItem(at: url)
        }
    }
    _ = try? DatasetReader.read(folder: datasetFolder)
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                             _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                             _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// The executable's entry point (SwiftPM names it `<target>_main` on Linux): libFuzzer's driver,
/// called with the command line so that every libFuzzer flag works.
@_cdecl("estate_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, { data, size in fuzzOne(data, size) })
}
