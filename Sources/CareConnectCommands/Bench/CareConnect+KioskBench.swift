// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import ArgumentParser
import Foundation
import GatewayDaemons
import KioskLinux
import KioskRendering
import KioskUI
import MessageStore

extension CareConnect.Bench {
    /// `careconnect bench kiosk`: redraw times, idle CPU and memory of the kiosk.
    struct KioskBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kiosk",
            abstract: "Kiosk redraw times at 800×480 and 1280×800 (RGB565 and XRGB8888), idle CPU and memory.",
            discussion: """
                Each case draws into a memory-mapped framebuffer file of the given format, through the same \
                Cairo/Pango renderer and pixel conversion the kiosk uses on /dev/fb0. Full redraw: the whole \
                answer screen rasterised and copied out. Tap feedback: selecting another answer, which redraws \
                only the damaged rectangles. The ratio shows what redrawing only what changed saves. Idle: the \
                kiosk service runs with no input for --idle-seconds and the process's CPU time over that period \
                is reported (it should sleep: no timers run on the start screen). Memory is the process's peak \
                resident set.
                """
        )

        @Option(help: "Redraws per case.")
        var rounds = 40

        @Option(help: "Seconds the kiosk service is left idle to measure CPU.")
        var idleSeconds = 5

        @Option(help: "Where to put the framebuffer files and the database.")
        var output = "out/bench-kiosk"

        func run() async throws {
            let root = URL(fileURLWithPath: output)
            try? FileManager.default.removeItem(at: root)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let cases: [(String, PixelSize, Double)] = [
                ("7\" 800×480", PixelSize(width: 800, height: 480), 7),
                ("10.1\" 1280×800", PixelSize(width: 1280, height: 800), 10.1),
            ]
            print("redraw, \(rounds) rounds each (mean / 95th percentile):")
            for (name, size, inches) in cases {
                for format in [FramebufferPixelFormat.rgb565, .xrgb8888] {
                    let result = try measure(size: size, inches: inches, format: format, directory: root)
                    print(
                        String(
                            format:
                                "  %@ %@: full redraw %.2f / %.2f ms, tap feedback %.2f / %.2f ms (%.0f%% of the screen), ratio %.1f",
                            name,
                            format == .rgb565 ? "RGB565  " : "XRGB8888",
                            result.full.mean,
                            result.full.p95,
                            result.tap.mean,
                            result.tap.p95,
                            result.tapShare * 100,
                            result.full.mean / result.tap.mean
                        )
                    )
                }
            }
            try await idle(directory: root)
        }

        struct Timing {
            var mean: Double
            var p95: Double

            init(_ samples: [Double]) {
                let sorted = samples.sorted()
                mean = samples.reduce(0, +) / Double(max(samples.count, 1))
                p95 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
            }
        }

        func measure(
            size: PixelSize,
            inches: Double,
            format: FramebufferPixelFormat,
            directory: URL
        ) throws -> (full: Timing, tap: Timing, tapShare: Double) {
            let panel = PanelGeometry.diagonal(inches: inches, size: size)
            let display = try FileFramebufferDisplay(
                path: directory.appendingPathComponent("fb-\(size.width)x\(size.height)-\(format).raw").path,
                size: size,
                format: format
            )
            let image = RasterImage(size: size)
            let renderer = try CairoRenderer(image: image, measurer: .shared)
            var machine = KioskStateMachine(
                settings: KioskSettings(wardName: "Ward 7"),
                panel: panel,
                measurer: PangoTextMeasurer.shared,
                environment: .live,
                now: .seconds(1)
            )
            var now = Duration.seconds(2)
            if machine.layout.target(.answer(.good)) == nil {
                _ = machine.activate(.start, now: now)
            }
            let clock = ContinuousClock()
            func milliseconds(_ duration: Duration) -> Double {
                Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
            }
            var full: [Double] = []
            let whole = [PixelRect(x: 0, y: 0, width: size.width, height: size.height)]
            for _ in 0..<rounds {
                let list = machine.drawList
                let started = clock.now
                renderer.render(list, damage: nil)
                try display.present(image, damage: whole)
                full.append(milliseconds(clock.now - started))
            }
            var tap: [Double] = []
            var shares: [Double] = []
            var shown = machine.drawList
            for round in 0..<rounds {
                now += .seconds(1)
                _ = machine.activate(.answer(round % 2 == 0 ? .veryGood : .good), now: now)
                let started = clock.now
                let list = machine.drawList
                let damage = list.damage(comparedTo: shown)
                renderer.render(list, damage: damage)
                try display.present(image, damage: damage)
                tap.append(milliseconds(clock.now - started))
                shares.append(Double(damage.reduce(0) { $0 + $1.area }) / Double(size.width * size.height))
                shown = list
            }
            return (Timing(full), Timing(tap), shares.reduce(0, +) / Double(max(shares.count, 1)))
        }

        func idle(directory: URL) async throws {
            let store = try MessageStore(path: directory.appendingPathComponent("careconnect.sqlite").path)
            let size = PixelSize(width: 800, height: 480)
            let display = try FileFramebufferDisplay(
                path: directory.appendingPathComponent("fb-idle.raw").path,
                size: size,
                format: .rgb565
            )
            let daemon = KioskDaemon(
                settings: KioskSettings(wardName: "Ward 7"),
                display: display,
                touch: nil,
                store: store
            )
            let running = Task { try await daemon.run() }
            defer { running.cancel() }
            while daemon.statistics.frames == 0 { try await Task.sleep(for: .milliseconds(20)) }
            try await Task.sleep(for: .milliseconds(200))
            let before = Self.cpuSeconds()
            let wall = ContinuousClock.now
            try await Task.sleep(for: .seconds(idleSeconds))
            let cpu = Self.cpuSeconds() - before
            let elapsed = ContinuousClock.now - wall
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                String(
                    format: "idle: %.3f%% of one core over %d s (CPU %.1f ms), %d timer wake-ups, %d frames drawn",
                    cpu / seconds * 100,
                    idleSeconds,
                    cpu * 1_000,
                    daemon.statistics.wakeUps,
                    daemon.statistics.frames
                )
            )
            print("memory: peak resident set \(Self.statusField("VmHWM")), now \(Self.statusField("VmRSS"))")
        }

        static func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }

        static func statusField(_ name: String) -> String {
            let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
            let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
            return line.map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) } ?? "unknown"
        }
    }
}
