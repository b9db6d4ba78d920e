#!/usr/bin/env bash
# scripts/release.sh VERSION — the offline binaries of issue 15, each checked before it is packed.
#
#   x86_64-windows       x86_64-pc-windows-gnu           mingw-w64 (linker in .cargo/config.toml)
#   x86_64-linux         x86_64-unknown-linux-musl       cargo-zigbuild, static
#   aarch64-linux        aarch64-unknown-linux-musl      cargo-zigbuild, static
#   loongarch64-linux    loongarch64-unknown-linux-musl  cargo-zigbuild, static
#
# Every binary checks the seeds (../shared/seeds: .txt, .docx and .pdf; without them the bundled
# examples) and must print byte-for-byte the JSON, and exit with the code, of the native build
# (`cargo build --release`, x86_64 glibc, the one the tests run): the x86_64 musl binary natively,
# the .exe under Wine (with the test-only ProcessPrng shim beside it in a scratch folder, never in
# the archive), the ARM64 and LoongArch binaries under qemu-user. Archives (zip for Windows, tar.gz
# for Linux) with 使用说明.txt and the licenses, those files again beside them, and SHA256SUMS of
# it all go to target/dist/VERSION/.
#
# Needs: rustup targets above; `pip install ziglang cargo-zigbuild`; Debian packages
# gcc-mingw-w64-x86-64 wine qemu-user-static python3. Rust's LoongArch Linux targets use LSX (the
# 128-bit vector unit of every 3A5000 and later), which QEMU emulates from 8.1 on; Debian 12's
# qemu-user-static is 7.2, where the binary dies of SIGILL, so point QEMU_LOONGARCH64 at a newer
# qemu-loongarch64 (README 安装 says how). Rust 1.94 and later publish no LoongArch
# standard library (rustup: 404, channel manifest `available = false`), so when the default
# toolchain lacks that target it is built with LOONGARCH_TOOLCHAIN (default 1.93.0, which has
# it; installed with rustup if missing) in its own target/rust-TOOLCHAIN folder.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${1:?usage: scripts/release.sh VERSION (the version in Cargo.toml)}
crate_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
if [ "$version" != "$crate_version" ]; then
    echo "版本号 $version 与 Cargo.toml 中的 $crate_version 不一致：先改 Cargo.toml" >&2
    exit 2
fi
loongarch_toolchain=${LOONGARCH_TOOLCHAIN:-1.93.0}
qemu_loongarch64=${QEMU_LOONGARCH64:-qemu-loongarch64-static}
# Checked before any build, so an old QEMU stops the script at once rather than after an hour.
read -r qemu_major qemu_minor < <("$qemu_loongarch64" --version |
    sed -n '1s/.* version \([0-9]*\)\.\([0-9]*\).*/\1 \2/p') || true
if [ "${qemu_major:-0}" -lt 8 ] || { [ "$qemu_major" = 8 ] && [ "$qemu_minor" -lt 1 ]; }; then
    echo "$qemu_loongarch64 的 QEMU 版本为 ${qemu_major:-?}.${qemu_minor:-?}：龙芯版用到 LSX 指令，需要 QEMU 8.1" \
        "或更新版本；用 QEMU_LOONGARCH64 指定新版 qemu-loongarch64（见 README 安装）" >&2
    exit 2
fi
dist=target/dist/$version
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -rf "$dist"
mkdir -p "$dist"

# The files every binary checks, copied under Chinese names into a Chinese-named folder.
mkdir "$scratch/年度报告"
if [ -d ../shared/seeds/formats ]; then
    for txt in ../shared/seeds/[0-9]*.txt; do
        stem=$(basename "$txt" .txt)
        cp "$txt" "$scratch/年度报告/报告${stem%%_*}.txt"
        cp "../shared/seeds/formats/$stem.docx" "$scratch/年度报告/报告${stem%%_*}.docx"
        cp "../shared/seeds/formats/$stem.pdf" "$scratch/年度报告/报告${stem%%_*}.pdf"
    done
else
    echo "../shared/seeds not found: checking the bundled examples instead"
    cp examples/sample-report.md "$scratch/年度报告/示例.md"
    cp examples/sample-report.docx "$scratch/年度报告/示例.docx"
fi

# Builds into target/, or with an older TOOLCHAIN into target/rust-TOOLCHAIN (its artefacts
# cannot be shared, and a separate folder lets it build beside the others). Prints the binary.
build() { # TARGET [TOOLCHAIN]
    local target=$1 toolchain=${2:-}
    local dir=target${toolchain:+/rust-$toolchain}
    echo "== build $target${toolchain:+ (Rust $toolchain)}" >&2
    if [ "$target" = x86_64-pc-windows-gnu ]; then
        cargo build --release --locked --target "$target" >&2
        echo "$PWD/$dir/$target/release/fzcheck.exe"
    else
        CARGO_TARGET_DIR=$dir cargo ${toolchain:++$toolchain} zigbuild --release --locked --target "$target" >&2
        echo "$PWD/$dir/$target/release/fzcheck"
    fi
}

# Run BINARY (through RUNNER…) on the files, in the scratch folder; JSON and exit code to OUT.
verdicts() { # OUT BINARY [RUNNER…]
    local out=$1 binary=$2
    shift 2
    local code=0
    (cd "$scratch" && "$@" "$binary" check 年度报告/* --format json >"$out") || code=$?
    echo "exit $code" >>"$out"
}

same_as_native() { # NAME BINARY [RUNNER…]
    local name=$1
    shift
    verdicts "$scratch/$name.json" "$@"
    if ! cmp -s "$scratch/native.json" "$scratch/$name.json"; then
        echo "$name: verdicts differ from the native x86_64 build:" >&2
        diff "$scratch/native.json" "$scratch/$name.json" | head -n 20 >&2
        exit 1
    fi
    echo "$name: same JSON and exit code as native on $(ls "$scratch/年度报告" | wc -l) files"
}

# A Linux binary must need no dynamic loader, i.e. no glibc of any version on the target machine.
static_only() { # BINARY
    if readelf -l "$1" | grep -q 'program interpreter'; then
        echo "$1 is dynamically linked" >&2
        exit 1
    fi
}

# Notepad on any Windows reads UTF-8 with a BOM and CRLF line ends; Linux editors read it too.
instructions_for_notepad() { # OUT
    { printf '\357\273\277'; sed 's/$/\r/' packaging/使用说明.txt; } >"$1"
}

# Every file dated at the last commit, in name order, without gzip's own timestamp: the same
# binaries give the same archives, so checksums can be compared across runs and machines.
stamp=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
settle() { # DIR
    find "$1" -exec touch -h -d "@$stamp" {} +
}

pack() { # NAME BINARY
    local name=$1 binary=$2
    local dir=$scratch/fzcheck-$version-$name
    mkdir "$dir"
    cp "$binary" packaging/LICENSE-MIT packaging/LICENSE-APACHE "$dir/"
    if [ "$name" = x86_64-windows ]; then
        instructions_for_notepad "$dir/使用说明.txt"
        settle "$dir"
        # Python's zipfile marks non-ASCII names as UTF-8 (flag bit 11), which Windows' own unzip
        # honours; Info-ZIP's zip does not, and Chinese Windows would show 使用说明.txt garbled.
        (cd "$scratch" && python3 -m zipfile -c "fzcheck-$version-$name.zip" "fzcheck-$version-$name")
        mv "$scratch/fzcheck-$version-$name.zip" "$dist/"
    else
        static_only "$binary"
        cp packaging/使用说明.txt "$dir/"
        chmod 755 "$dir/fzcheck"
        settle "$dir"
        tar -C "$scratch" --sort=name --owner=0 --group=0 --numeric-owner -cf - "fzcheck-$version-$name" |
            gzip -9n >"$dist/fzcheck-$version-$name.tar.gz"
    fi
}

# The native build first: the reference every other binary must match.
echo "== build native (x86_64 glibc)" >&2
cargo build --release --locked >&2
verdicts "$scratch/native.json" "$PWD/target/release/fzcheck"
grep -q '"status": "fail"' "$scratch/native.json" || { echo "native build found nothing" >&2; exit 1; }

x86=$(build x86_64-unknown-linux-musl)
same_as_native x86_64-linux "$x86"
pack x86_64-linux "$x86"

exe=$(build x86_64-pc-windows-gnu)
cp "$exe" "$scratch/fzcheck.exe"
x86_64-w64-mingw32-gcc -shared -O2 -o "$scratch/bcryptprimitives.dll" scripts/wine/processprng.c -ladvapi32
WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" same_as_native x86_64-windows "$scratch/fzcheck.exe" wine
pack x86_64-windows "$exe"

arm=$(build aarch64-unknown-linux-musl)
same_as_native aarch64-linux "$arm" qemu-aarch64-static
pack aarch64-linux "$arm"

if rustup target list --installed | grep -qx loongarch64-unknown-linux-musl; then
    loong=$(build loongarch64-unknown-linux-musl)
else
    rustup toolchain install "$loongarch_toolchain" --profile minimal --target loongarch64-unknown-linux-musl >&2
    loong=$(build loongarch64-unknown-linux-musl "$loongarch_toolchain")
fi
same_as_native loongarch64-linux "$loong" "$qemu_loongarch64"
pack loongarch64-linux "$loong"

# Beside the archives too, so whoever gets the folder reads which archive fits (uname -m) first.
instructions_for_notepad "$dist/使用说明.txt"
cp packaging/LICENSE-MIT packaging/LICENSE-APACHE "$dist/"
(cd "$dist" && sha256sum -- *.zip *.tar.gz 使用说明.txt LICENSE-* >SHA256SUMS)
echo "== $dist"
cat "$dist/SHA256SUMS"
