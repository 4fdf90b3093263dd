#include "runtime/text_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace auraos::runtime {

result<std::string, std::string> read_text_file(const std::filesystem::path& file) {
  auto cannot = [](const std::string& why) { return fail(why); };
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) return cannot("is a directory");
  std::ifstream in{file, std::ios::binary};
  if (!in) return cannot(std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return cannot(std::strerror(errno));
  return text.str();
}

}  // namespace auraos::runtime
