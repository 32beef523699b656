import SheafKit
print("sheaf: under construction")
