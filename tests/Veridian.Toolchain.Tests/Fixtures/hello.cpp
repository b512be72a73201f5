// C++ through veridian c++: classes, templates, virtual calls, a static constructor, the standard library.
#include <iostream>
#include <string>
#include <vector>

struct Shape { virtual ~Shape() = default; virtual int area() const = 0; };
struct Rect : Shape { int w, h; Rect(int w, int h) : w(w), h(h) {} int area() const override { return w * h; } };
template <typename T> constexpr T square(T x) { return x * x; }
static std::string greeting = std::string("hello from ") + "c++";

int main()
{
    std::vector<Rect> rects{{2, 3}, {4, 5}};
    int total = 0;
    for (const Shape &s : rects)
        total += s.area();
    static_assert(square(7) == 49);
    std::cout << greeting << " " << total + square(3) << "\n";
}
