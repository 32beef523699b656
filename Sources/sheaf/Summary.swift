import Foundation
import SheafKit

/// The closing lines of a build: what was written, what failed, what was skipped and left out, and why.
struct Summary {
    let report: BuildReport
    let outputDirectory: String
    /// `weekly: ` when the build ran a recipe.
    var label = ""
    let quiet: Bool
    /// The `--report` file, when one is written.
    var reportFile: String?

    /// How many written books are named before the rest are counted.
    static let namedBooks = 3

    func print() {
        for volume in report.failedVolumes {
            printError("error: \(volume.file): \(volume.error ?? "not written")")
        }
        for copy in report.sideloaded where copy.status == .failed {
            printError("error: \(copy.file): not copied: \(copy.error ?? "unknown error")")
        }
        guard !quiet else { return }
        for skipped in report.skipped {
            printError("skipped: \(skipped.file): \(skipped.reason)")
        }
        for note in report.notes where note.severity != .note {
            printError("warning: \(note.file): \(note.message)")
        }
        if let written = writtenBooks { Swift.print(label + "written: " + written) }
        Swift.print(label + books + " (" + details.joined(separator: ", ") + ")")
        if report.volumes.isEmpty && !report.excluded.isEmpty {
            for advice in Exclusion.advice(report.excluded.map(\.reason)) { Swift.print(label + advice) }
        }
    }

    /// `a.epub, b.epub, c.epub and 4 more`, or nil when no book was written.
    private var writtenBooks: String? {
        let names = report.writtenVolumes.map { ($0.file as NSString).lastPathComponent }
        guard !names.isEmpty else { return nil }
        let shown = names.prefix(Self.namedBooks).joined(separator: ", ")
        return names.count > Self.namedBooks ? shown + " and \(names.count - Self.namedBooks) more" : shown
    }

    /// `3 books written to books, 12 unchanged, 2 pruned, 3 copied to /media/KOBOeReader`.
    private var books: String {
        var line = Counted.text(report.writtenVolumes.count, "book") + " written to \(outputDirectory)"
        if !report.unchangedVolumes.isEmpty { line += ", \(report.unchangedVolumes.count) unchanged" }
        if !report.pruned.isEmpty { line += ", \(report.pruned.count) pruned" }
        if !report.sideloaded.isEmpty { line += ", " + sideloaded }
        return line
    }

    /// What went into the books and what did not: articles, merged files, skipped files, every reason for
    /// leaving files out with its count, failed books and notes.
    private var details: [String] {
        var parts = [Counted.text(report.articleCount, "article")]
        let merged = report.mergedDuplicates
        if merged > 0 { parts.append(Counted.text(merged, "duplicate file") + " merged") }
        if !report.skipped.isEmpty { parts.append(Counted.text(report.skipped.count, "file") + " skipped") }
        if !report.excluded.isEmpty {
            let reasons = Exclusion.counts(report.excluded.map(\.reason)).map { "\($0.count) \($0.kind)" }
            parts.append(Counted.text(report.excluded.count, "file") + " left out: " + reasons.joined(separator: ", "))
        }
        if !report.failedVolumes.isEmpty { parts.append(Counted.text(report.failedVolumes.count, "book") + " failed") }
        let notes = report.notes.filter { $0.severity == .note }.count
        if notes > 0 {
            parts.append(Counted.text(notes, "note") + (reportFile.map { " in \($0)" } ?? " (--report FILE lists them)"))
        }
        return parts
    }

    /// `2 copied to /media/KOBOeReader, 1 already there, 1 not copied`.
    private var sideloaded: String {
        let count = { (status: Sideload.Copy.Status) in report.sideloaded.filter { $0.status == status }.count }
        let folder = report.sideloaded.first.map { ($0.file as NSString).deletingLastPathComponent } ?? ""
        var text = "\(count(.copied)) copied to \(folder)"
        if count(.unchanged) > 0 { text += ", \(count(.unchanged)) already there" }
        if count(.failed) > 0 { text += ", \(count(.failed)) not copied" }
        return text
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
