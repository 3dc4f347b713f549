#include "hark/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "features.hpp"
#include "hark/error.hpp"

namespace hark {
namespace {

// The model file, all numbers little-endian (docs/classify-training.md):
//   "HARKMODL"  u32 version  u32 bucket_bits  u32 labels  u32 rows  f32 bias[labels]
//   f32 reading[2 × labels][labels]  f32 scale
//   rows × { u32 bucket  i8 weight[labels] }, buckets strictly increasing.
// Only buckets with a non-zero weight are stored, which keeps the file small.
constexpr char kMagic[8] = {'H', 'A', 'R', 'K', 'M', 'O', 'D', 'L'};
constexpr std::int8_t kLargest = 127;  // the largest weight's integer

// A row is read as 16 bytes, eight int16 lanes of two weights each (the five weights and
// eleven of the next rows'): the table ends in eleven spare zeros so that the last row reads
// the same way.
constexpr std::size_t kRowSpare = 11;
using Lanes = std::int16_t __attribute__((vector_size(16)));

void put_u32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_f32(std::string& out, float f) {
  std::uint32_t v;
  std::memcpy(&v, &f, 4);
  put_u32(out, v);
}

// Reads the model file's fields in order, failing with the file's name and what is wrong.
class Reader {
 public:
  Reader(const std::string& path, std::string_view data) : path_(path), data_(data) {}

  std::uint32_t u32(const char* what) {
    if (data_.size() - pos_ < 4) fail(fmt::format("truncated at {}", what));
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
      v |= static_cast<std::uint32_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 4;
    return v;
  }

  float f32(const char* what) {
    const std::uint32_t v = u32(what);
    float f;
    std::memcpy(&f, &v, 4);
    if (!std::isfinite(f)) fail(fmt::format("{} is not a finite number", what));
    return f;
  }

  std::string_view bytes(std::size_t n, const char* what) {
    if (data_.size() - pos_ < n) fail(fmt::format("truncated at {}", what));
    pos_ += n;
    return data_.substr(pos_ - n, n);
  }

  std::size_t left() const { return data_.size() - pos_; }

  [[noreturn]] void fail(const std::string& why) const {
    throw Error(fmt::format("{}: not a usable hark model: {}", path_, why));
  }

 private:
  const std::string& path_;
  std::string_view data_;
  std::size_t pos_ = 0;
};

}  // namespace

Model::Model(unsigned bucket_bits, const std::vector<float>& weights,
             const ReadingWeights& reading, std::array<float, kLabels> bias)
    : bucket_bits_(bucket_bits), scale_(1.0f), weights_(weights.size()), reading_(reading),
      bias_(bias) {
  float largest = 0;
  for (const float w : weights) largest = std::max(largest, std::abs(w));
  if (largest > 0) scale_ = largest / kLargest;
  for (std::size_t i = 0; i < weights.size(); ++i)
    weights_[i] = static_cast<std::int8_t>(std::lround(weights[i] / scale_));
  weights_.resize(weights_.size() + kRowSpare, 0);
}

Model::Model(unsigned bucket_bits, float scale, std::vector<std::int8_t> weights,
             const ReadingWeights& reading, std::array<float, kLabels> bias)
    : bucket_bits_(bucket_bits), scale_(scale), weights_(std::move(weights)), reading_(reading),
      bias_(bias) {
  weights_.resize(weights_.size() + kRowSpare, 0);
}

Prediction Model::predict(std::string_view text, const Analysis& builtin) const {
  thread_local model::FeatureExtractor extractor;
  // The rows are scattered over a table larger than a core's cache: the extractor prefetches
  // each one as it finds it.
  const model::Features features =
      extractor.extract(text, builtin, bucket_bits_, weights_.data(), kLabels);
  // The text features share one value: their integer weights are summed first, a row at a
  // time as one vector, and scaled once. 16-bit lanes hold 256 rows of weights of -128..127,
  // so texts are summed in chunks of that many.
  constexpr std::size_t kChunk = 256;
  const std::span<const std::uint32_t> text_buckets = features.text;
  std::array<std::int64_t, kLabels> sums{};
  for (std::size_t start = 0; start < text_buckets.size(); start += kChunk) {
    Lanes even{}, odd{};  // weights 0, 2, 4 and 1, 3, sign-extended
    const std::size_t rows = std::min(kChunk, text_buckets.size() - start);
    for (const std::uint32_t bucket : text_buckets.subspan(start, rows)) {
      Lanes row;
      std::memcpy(&row, &weights_[std::size_t{bucket} * kLabels], sizeof row);
      even += static_cast<Lanes>(row << 8) >> 8;
      odd += row >> 8;
    }
    for (std::size_t k = 0; k < kLabels; ++k) sums[k] += k % 2 ? odd[k / 2] : even[k / 2];
  }
  std::array<float, kLabels> z = bias_;
  for (std::size_t k = 0; k < kLabels; ++k)
    z[k] += scale_ * features.text_value * static_cast<float>(sums[k]);
  for (std::size_t f = 0; f < kReadingFeatures; ++f)
    for (std::size_t k = 0; k < kLabels; ++k) z[k] += features.reading[f] * reading_[f][k];
  Prediction p;
  std::size_t best = 0;
  for (std::size_t k = 1; k < kLabels; ++k)
    if (z[k] > z[best]) best = k;
  double sum = 0;
  for (std::size_t k = 0; k < kLabels; ++k) sum += p.scores[k] = std::exp(double{z[k]} - z[best]);
  for (double& s : p.scores) s /= sum;
  p.label = static_cast<Label>(best);
  return p;
}

void Model::overrule(std::string_view text, Analysis& builtin) const {
  const Prediction p = predict(text, builtin);
  builtin.label = p.label;
  builtin.scores = p.scores;
  builtin.confidence = p.scores[static_cast<std::size_t>(p.label)];
}

void Model::save(const std::string& path) const {
  std::string out(kMagic, sizeof kMagic);
  put_u32(out, kFormatVersion);
  put_u32(out, bucket_bits_);
  put_u32(out, kLabels);
  std::string rows;
  std::uint32_t count = 0;
  for (std::size_t b = 0; b < (std::size_t{1} << bucket_bits_); ++b) {
    const std::int8_t* w = &weights_[b * kLabels];
    bool used = false;
    for (std::size_t k = 0; k < kLabels; ++k) used = used || w[k] != 0;
    if (!used) continue;
    put_u32(rows, static_cast<std::uint32_t>(b));
    for (std::size_t k = 0; k < kLabels; ++k) rows.push_back(static_cast<char>(w[k]));
    ++count;
  }
  put_u32(out, count);
  for (const float b : bias_) put_f32(out, b);
  for (const auto& row : reading_)
    for (const float w : row) put_f32(out, w);
  put_f32(out, scale_);
  out += rows;
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (file) file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (file) file.close();
  if (!file) throw Error(fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
}

Model load_model(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  std::ostringstream data;
  data << file.rdbuf();  // in blocks: a byte at a time cost 15 instructions a byte
  if (file.bad()) throw Error(fmt::format("{}: cannot read: {}", path, std::strerror(errno)));
  return read_model(data.str(), path);
}

Model read_model(std::string_view data, const std::string& name) {
  Reader in(name, data);
  if (data.size() < sizeof kMagic || in.bytes(sizeof kMagic, "magic") != std::string_view(kMagic, 8))
    in.fail("it does not start with HARKMODL");
  const std::uint32_t version = in.u32("version");
  if (version != Model::kFormatVersion)
    in.fail(fmt::format("format version {}, this hark reads version {}", version,
                        Model::kFormatVersion));
  const std::uint32_t bits = in.u32("bucket bits");
  if (bits < Model::kMinBucketBits || bits > Model::kMaxBucketBits)
    in.fail(fmt::format("bucket bits {} outside {}..{}", bits, Model::kMinBucketBits, Model::kMaxBucketBits));
  const std::uint32_t labels = in.u32("label count");
  if (labels != kLabels) in.fail(fmt::format("{} classes, expected {}", labels, kLabels));
  const std::uint32_t rows = in.u32("row count");
  const std::size_t buckets = std::size_t{1} << bits;
  if (rows > buckets) in.fail(fmt::format("{} rows for {} buckets", rows, buckets));
  std::array<float, kLabels> bias;
  for (float& b : bias) b = in.f32("bias");
  ReadingWeights reading;
  for (auto& row : reading)
    for (float& w : row) w = in.f32("built-in reading weight");
  const float scale = in.f32("scale");
  if (!(scale > 0)) in.fail("the weight scale is not positive");
  constexpr std::size_t kRowBytes = 4 + kLabels;
  if (in.left() != std::size_t{rows} * kRowBytes)
    in.fail(fmt::format("{} bytes of rows, expected {}", in.left(), std::size_t{rows} * kRowBytes));
  std::vector<std::int8_t> weights(buckets * kLabels, 0);
  std::size_t next = 0;  // the lowest bucket the next row may name
  for (std::uint32_t r = 0; r < rows; ++r) {
    const std::uint32_t b = in.u32("bucket");
    if (b < next || b >= buckets)
      in.fail(fmt::format("row {} names bucket {} out of order or range", r + 1, b));
    next = std::size_t{b} + 1;
    const std::string_view row = in.bytes(kLabels, "weights");
    std::memcpy(&weights[std::size_t{b} * kLabels], row.data(), kLabels);
  }
  return Model(bits, scale, std::move(weights), reading, bias);
}

}  // namespace hark
