#include "engine/core/shared_library.hpp"

#include <dlfcn.h>

#include <stdexcept>
#include <utility>

namespace unct {

SharedLibrary::SharedLibrary(std::string soname, std::string package)
    : m_handle(::dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL)),
      m_soname(std::move(soname)),
      m_package(std::move(package)) {
  if (m_handle == nullptr) {
    const char* why = ::dlerror();
    throw std::runtime_error("cannot load " + m_soname + " (Debian package " + m_package +
                             "; scripts/setup installs it): " + (why != nullptr ? why : "unknown error"));
  }
}

void* SharedLibrary::address(const char* name) const {
  ::dlerror();  // clears an earlier error
  void* found = ::dlsym(m_handle, name);
  if (found == nullptr) {
    throw std::runtime_error(m_soname + " has no function " + name + " (Debian package " + m_package +
                             ", another version than the one unct-assess was built with?)");
  }
  return found;
}

}  // namespace unct
