print("lifecircle")
