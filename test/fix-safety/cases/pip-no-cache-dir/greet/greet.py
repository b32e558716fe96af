def hello():
    return "hello from greet"
