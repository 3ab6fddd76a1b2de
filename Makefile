# Care Connect ward device — build, test and demo.
#
#   make demo   the device's main job on built-in defaults, narrated
#   make test   build everything and run every test (what CI runs)
#
# Both install the Debian packages they need first (idempotent: only missing ones are installed).

SHELL := /bin/bash
SWIFT ?= swift
SWIFT_FLAGS ?= -Xswiftc -warnings-as-errors
APT_PACKAGES := libudev-dev libsqlite3-dev python3-gammu gammu gammu-smsd \
  libcairo2-dev libpango1.0-dev libevdev-dev fonts-noto-core fonts-noto-cjk zlib1g-dev
# Headless Chromium and the DevTools client the staff web test drives it with (Tests/StaffWebTests).
APT_PACKAGES += chromium python3-websocket
# PostgreSQL's server: make test starts a throwaway one for the hub's PostgreSQL storage tests.
APT_PACKAGES += postgresql
# systemd-analyze, systemd-sysusers and systemd-escape check the shipped units; python3-seccomp runs the services
# under their units' system call filter (Tests/DeploymentTests).
APT_PACKAGES += systemd python3-seccomp
FUZZ_SECONDS ?= 60

.PHONY: all deps build release test lint format demo bench fuzz crash-test clean deb-tools deb deb-test system-test

all: build

# Installs whatever of APT_PACKAGES is missing; does nothing when all are present.
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	else \
	  echo "Debian packages present: $(APT_PACKAGES)"; \
	fi

# fhir.resources (PyPI) in .build/fhir-venv, the FHIR R4 validator the upstream adapter tests use; idempotent.
fhir-venv:
	@dpkg-query -W -f='$${Status}' python3-venv 2>/dev/null | grep -q "install ok installed" || { \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends python3-venv; }
	Scripts/fhir-venv.sh

lint:
	$(SWIFT) format lint --strict --parallel --recursive Sources Tests Fuzz Package.swift

format:
	$(SWIFT) format --in-place --parallel --recursive Sources Tests Fuzz Package.swift

build: deps
	$(SWIFT) build $(SWIFT_FLAGS)

release: deps
	$(SWIFT) build -c release

test: deps lint fhir-venv
	$(SWIFT) build --build-tests $(SWIFT_FLAGS)
	# One test at a time: many tests drive real processes, pseudo-terminals and servers against timeouts, and on
	# two cores running them all at once starves some of them (about 2.5 minutes in all this way).
	# A throwaway PostgreSQL server for the hub's storage tests (Scripts/postgres-test-server.sh), stopped afterwards
	# even when a test fails.
	export CARECONNECT_TEST_POSTGRES_DIR=/tmp/careconnect-test-postgres-$$$$; \
	trap 'Scripts/postgres-test-server.sh stop' EXIT; \
	url=$$(Scripts/postgres-test-server.sh start) || exit 1; \
	export CARECONNECT_TEST_POSTGRES_URL=$$url; \
	$(SWIFT) test --skip-build --no-parallel
	# The Debian package of the debug build installed into a fresh debootstrapped Debian 12 and checked (about 1.5
	# minutes; make deb-test does the same with the release build).
	$(MAKE) --no-print-directory deb-test BUILD=debug

demo: release
	.build/release/careconnect demo

bench: release
	.build/release/careconnect bench pdu

# The full kill -9 tests: 2,000 messages with smsd killed 50 times (make test: 200 and 10), the kiosk's
# answer store killed 1,000 times mid-write (make test: 60), and 10,000 events synced through a fault-injecting
# proxy with careconnect sync killed at random (make test: 2,000).
crash-test: deps
	$(SWIFT) build --build-tests
	CRASH_MESSAGES=2000 CRASH_KILLS=50 KIOSK_CRASH_KILLS=1000 SYNC_CHAOS_EVENTS=10000 \
	  $(SWIFT) test --skip-build --filter 'CrashTests|ChaosTests'

# Coverage-guided fuzzing of the PDU decoder with libFuzzer (clang's runtime ships with the toolchain).
fuzz:
	mkdir -p .build/fuzz/corpus
	$(SWIFT)c -sanitize=fuzzer,address -parse-as-library -O -module-name SMSPDU \
	  $$(find Sources/SMSPDU -name '*.swift') Fuzz/DecodeFuzzer.swift -o .build/fuzz/decode-fuzzer
	.build/fuzz/decode-fuzzer -max_total_time=$(FUZZ_SECONDS) .build/fuzz/corpus

# The Debian package: .build/deb/$(BUILD)/careconnect.deb. BUILD=release (the default) links the Swift runtime
# statically; BUILD=debug packages the debug build with its Swift libraries, for tests without a release build.
BUILD ?= release
DEB_TOOLS := dpkg-dev patchelf lintian debootstrap

deb-tools:
	@missing=""; \
	for p in $(DEB_TOOLS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deb: deps deb-tools
	if [ "$(BUILD)" = debug ]; then $(SWIFT) build $(SWIFT_FLAGS) --product careconnect; \
	else $(SWIFT) build -c release --static-swift-stdlib --product careconnect; fi
	Scripts/build-deb.sh --build $(BUILD)

# Installs the package into a fresh debootstrapped Debian 12 and checks users, files, units, remove and purge.
deb-test: deb
	Scripts/test-deb-debootstrap.sh .build/deb/$(BUILD)/careconnect.deb

# The full-system test: the package on Debian 12 booted in QEMU (software emulation), its kiosk tapped through QMP
# and a simulated modem hot-plugged over USB serial. Needs QEMU 8.1 or later (virtio-multitouch), installed from
# bookworm-backports when the one present is older.
system-test: deb
	@qemu-system-x86_64 -device help 2>/dev/null | grep -q virtio-multitouch-pci || { \
	  echo "installing qemu-system-x86 from bookworm-backports (8.1 or later has a touchscreen device)"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  echo "deb http://deb.debian.org/debian bookworm-backports main" | \
	    $$SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
	    --no-install-recommends -t bookworm-backports qemu-system-x86; }
	Scripts/system-test/run.sh .build/deb/$(BUILD)/careconnect.deb

clean:
	rm -rf .build
