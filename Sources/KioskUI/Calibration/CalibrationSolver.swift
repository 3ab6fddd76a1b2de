// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

/// Works out a touchscreen correction from taps on known targets.
public enum CalibrationSolver {
    /// One target and where the touch was reported, both normalised (0…1).
    public struct Sample: Hashable, Sendable {
        public var target: (x: Double, y: Double) { (targetX, targetY) }
        public var targetX: Double
        public var targetY: Double
        public var touchedX: Double
        public var touchedY: Double

        public init(targetX: Double, targetY: Double, touchedX: Double, touchedY: Double) {
            self.targetX = targetX
            self.targetY = targetY
            self.touchedX = touchedX
            self.touchedY = touchedY
        }
    }

    /// The least-squares affine map from touched to target positions, or `nil` with fewer than three samples or
    /// when they lie on one line.
    public static func correction(from samples: [Sample]) -> CalibrationMatrix? {
        guard samples.count >= 3 else { return nil }
        // Normal equations: (MᵀM) p = Mᵀ t, with rows (x, y, 1).
        var m = [[Double]](repeating: [0, 0, 0], count: 3)
        var bx = [0.0, 0.0, 0.0]
        var by = [0.0, 0.0, 0.0]
        for sample in samples {
            let row = [sample.touchedX, sample.touchedY, 1]
            for i in 0..<3 {
                for j in 0..<3 { m[i][j] += row[i] * row[j] }
                bx[i] += row[i] * sample.targetX
                by[i] += row[i] * sample.targetY
            }
        }
        guard let abc = solve(m, bx), let def = solve(m, by) else { return nil }
        return CalibrationMatrix(abc[0], abc[1], abc[2], def[0], def[1], def[2])
    }

    /// The new calibration: the correction applied after `current` (touches were already mapped by `current`).
    public static func recalibrate(_ current: CalibrationMatrix, samples: [Sample]) -> CalibrationMatrix? {
        correction(from: samples)?.after(current)
    }

    /// Solves a 3×3 system by Cramer's rule; `nil` when (nearly) singular.
    private static func solve(_ m: [[Double]], _ b: [Double]) -> [Double]? {
        func det(_ a: [[Double]]) -> Double {
            a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0])
        }
        let d = det(m)
        let scale = m.flatMap { $0 }.map { abs($0) }.max() ?? 0
        guard abs(d) > 1e-9 * max(scale * scale * scale, 1e-12) else { return nil }
        return (0..<3).map { column in
            var replaced = m
            for row in 0..<3 { replaced[row][column] = b[row] }
            return det(replaced) / d
        }
    }
}
