// A hub refusal, from its RFC 9457 problem details. Status codes keep their HTTP meaning: 400 the
// command or its signed statement is wrong, 403 the caller lacks the role, 404 no such case (or not
// one the caller takes part in: the hub does not say which), 409 the case's state forbids it now.
using System.Net;

namespace Hub.Client.Api;

/// <summary>The hub answered with an error status; <see cref="Title"/> and <see cref="Detail"/> come from its problem details.</summary>
public sealed class HubApiException : Exception
{
    /// <summary>Creates the exception for a problem response.</summary>
    public HubApiException(HttpStatusCode status, string? title, string? detail)
        : base($"{(int)status} {title ?? status.ToString()}{(string.IsNullOrEmpty(detail) ? string.Empty : ": " + detail)}")
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    /// <inheritdoc/>
    public HubApiException()
        : this(HttpStatusCode.InternalServerError, null, null)
    {
    }

    /// <inheritdoc/>
    public HubApiException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public HubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>The problem's title, if the hub sent one.</summary>
    public string? Title { get; }

    /// <summary>The problem's detail (why), if the hub sent one.</summary>
    public string? Detail { get; }
}
