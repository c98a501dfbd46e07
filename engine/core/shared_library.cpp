#include "engine/core/shared_library.hpp"

#include <dlfcn.h>

#include <utility>

namespace unct {

SharedLibrary::SharedLibrary(std::string soname, std::string package, std::string purpose)
    : m_soname(std::move(soname)),
      m_package(std::move(package)),
      m_handle(::dlopen(m_soname.c_str(), RTLD_NOW | RTLD_LOCAL)) {
  if (m_handle == nullptr) {
    const char* why = ::dlerror();
    throw MissingLibrary(purpose + " needs " + m_soname + ", which cannot be loaded (" +
                         (why != nullptr ? why : "unknown error") + "): install Debian's package " + m_package +
                         " (apt-get install " + m_package + ")");
  }
}

void* SharedLibrary::address(const char* name) const {
  ::dlerror();  // clears an earlier error
  void* found = ::dlsym(m_handle, name);
  if (found == nullptr) {
    throw MissingLibrary(m_soname + " has no function " + name + ": Debian's package " + m_package +
                         " is another version than the one unct-assess was built with");
  }
  return found;
}

}  // namespace unct
