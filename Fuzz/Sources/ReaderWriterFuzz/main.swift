import Foundation
import FuzzerDriver

// `--self-test`: prove the property can fail before trusting a run that found nothing.
if CommandLine.arguments.dropFirst().first == "--self-test" {
    let wrong = ChapterProperty.selfTest()
    print(wrong.isEmpty ? "property self-test: ok" : "property self-test: misjudged \(wrong)")
    exit(wrong.isEmpty ? 0 : 1)
}

// SwiftPM gives an executable its own entry point, so libFuzzer's `main` is not used: hand over to its driver.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
