// SPDX-License-Identifier: Apache-2.0
// This source file is part of the Care Connect ward device project.

import KioskUI
import Testing

@Suite struct CalibrationSolverTests {
    @Test func anExactAffineErrorIsUndoneAndComposedWithTheCurrentMatrix() {
        // Given a panel currently rotated 90°, whose touches also come out scaled and shifted
        let current = CalibrationMatrix.rotation(.quarter)
        let error = CalibrationMatrix(0.95, 0.02, 0.03, -0.01, 1.04, -0.02)
        let targets = [(0.1, 0.1), (0.9, 0.1), (0.9, 0.9), (0.1, 0.9), (0.5, 0.5)]
        // Touches as reported: error applied to the true position
        let samples = targets.map { target in
            let touched = error.apply(x: target.0, y: target.1)
            return CalibrationSolver.Sample(
                targetX: target.0,
                targetY: target.1,
                touchedX: touched.x,
                touchedY: touched.y
            )
        }
        // When the correction is solved and composed with the current matrix
        let updated = CalibrationSolver.recalibrate(current, samples: samples)!
        // Then a raw device position that the current matrix maps to the error's image of a true position
        // now maps to the true position itself
        let truth = (x: 0.3, y: 0.7)
        let reported = error.apply(x: truth.x, y: truth.y)
        let raw = (x: reported.y, y: 1 - reported.x)
        let viaCurrent = current.apply(x: raw.x, y: raw.y)
        #expect(abs(viaCurrent.x - reported.x) < 1e-12 && abs(viaCurrent.y - reported.y) < 1e-12)
        let corrected = updated.apply(x: raw.x, y: raw.y)
        #expect(abs(corrected.x - truth.x) < 1e-9 && abs(corrected.y - truth.y) < 1e-9)
    }

    @Test func collinearOrTooFewSamplesGiveNoMatrix() {
        let line = [(0.1, 0.1), (0.5, 0.5), (0.9, 0.9)].map {
            CalibrationSolver.Sample(targetX: $0.0, targetY: $0.1, touchedX: $0.0, touchedY: $0.1)
        }
        #expect(CalibrationSolver.correction(from: line) == nil)
        #expect(CalibrationSolver.correction(from: Array(line.prefix(2))) == nil)
    }

    @Test func noisyTapsGiveTheLeastSquaresFit() {
        // Four taps each 1% off in alternating directions average out to the identity
        let samples = [(0.1, 0.1, 0.01), (0.9, 0.1, -0.01), (0.9, 0.9, 0.01), (0.1, 0.9, -0.01)].map {
            CalibrationSolver.Sample(targetX: $0.0, targetY: $0.1, touchedX: $0.0 + $0.2, touchedY: $0.1)
        }
        let matrix = CalibrationSolver.correction(from: samples)!
        let centre = matrix.apply(x: 0.5, y: 0.5)
        #expect(abs(centre.x - 0.5) < 0.011 && abs(centre.y - 0.5) < 1e-9)
    }
}
