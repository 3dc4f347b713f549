# Thin wrapper over CMake: `make demo` and `make test` do all the set-up on Debian 12.
BUILD    ?= build
TYPE     ?= RelWithDebInfo
JOBS     ?= $(shell nproc)
SANITIZE ?= 0
CMAKE_FLAGS ?=

# Debian packages the build, the tests and the benchmarks need; installed only when missing.
BUILD_DEPS = cmake g++ make pkg-config libcli11-dev libcurl4-openssl-dev libsimdjson-dev \
             libfmt-dev doctest-dev libsqlite3-dev libxml2-dev libre2-dev libutf8proc-dev
TEST_DEPS  = python3 python3-jsonschema libcpp-httplib-dev tzdata chromium
BENCH_DEPS = jq bc time sfeed python3-feedparser fasttext curl

ifeq ($(SANITIZE),1)
  BUILD := build-asan
  TYPE  := Debug
  CMAKE_FLAGS += -DHARK_SANITIZE=ON
endif

all: build

deps:
	@./scripts/install-deps $(BUILD_DEPS)

test-deps: deps
	@./scripts/install-deps $(TEST_DEPS)

bench-deps: deps
	@./scripts/install-deps $(BENCH_DEPS)

configure:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(TYPE) $(CMAKE_FLAGS)

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# Warnings are errors in the test build.
test: test-deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(TYPE) -DHARK_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

demo: build
	@./examples/demo.sh $(BUILD)/hark

bench: bench-deps
	cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DHARK_BUILD_TESTS=OFF
	cmake --build build-release -j $(JOBS)
	@./bench/run.sh build-release/hark

fuzz: deps
	./scripts/install-deps clang libclang-rt-14-dev
	CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHARK_FUZZ=ON -DHARK_BUILD_TESTS=OFF
	cmake --build build-fuzz -j $(JOBS)
	./fuzz/run.sh build-fuzz

install: build
	cmake --install $(BUILD) --prefix $(or $(PREFIX),/usr/local)

clean:
	rm -rf build build-asan build-release build-fuzz

.PHONY: all deps test-deps bench-deps configure build test demo bench fuzz install clean
